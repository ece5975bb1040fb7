/**
 * A real instant on the wire: `YYYY-MM-DDTHH:MM:SS[.fff]` with `Z` or an offset, a date the calendar
 * holds (no 31 February, no year 0), a time the clock holds (no leap second, no 24:00), an offset of
 * a real time zone (−12:00 to +14:00). Anything else would reach `new Date()` as NaN or as a
 * silently shifted day.
 */
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|([+-])(\d{2}):(\d{2}))$/;

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** True when the string names one real instant (ISO 8601 with a time zone). */
export function isRealInstant(value: string): boolean {
  const m = INSTANT.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  if (day > daysIn(year, month)) return false;
  if (hour > 23 || minute > 59 || second > 59) return false;
  if (m[7]) {
    const offset = Number(m[8]) * 60 + Number(m[9]);
    if (Number(m[9]) > 59 || (m[7] === '+' ? offset > 14 * 60 : offset > 12 * 60)) return false;
  }
  return !Number.isNaN(new Date(value).getTime());
}
