// Numbers, money and times as the console shows them, for the user's language: `€ 1.300.000,00`
// in Dutch, `€1,300,000.00` in English; times in the user's time zone, with the UTC instant kept
// for a hover. Pure functions over Intl, so they are unit-tested outside the browser.

export type Locale = 'en' | 'nl';

const tag = (locale: Locale) => (locale === 'nl' ? 'nl-NL' : 'en-GB');

/** Integer euro cents as money in the locale, rounded to the cent only for showing. */
export function money(cents: number, locale: Locale): string {
  return new Intl.NumberFormat(tag(locale), { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** A file's size in bytes, kilobytes or megabytes (decimal units, as file managers show them). */
export function fileSize(bytes: number, locale: Locale): string {
  const [value, unit] =
    bytes >= 1e6 ? [bytes / 1e6, 'megabyte'] : bytes >= 1e3 ? [bytes / 1e3, 'kilobyte'] : [bytes, 'byte'];
  return new Intl.NumberFormat(tag(locale), { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}

/** A number with up to `digits` decimals (scores, points). */
export function number(value: number, locale: Locale, digits = 2): string {
  return new Intl.NumberFormat(tag(locale), { maximumFractionDigits: digits }).format(value);
}

/** A score or points to exactly two decimals, as letters and tables show them. */
export function fixed(value: number, locale: Locale): string {
  return new Intl.NumberFormat(tag(locale), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    value,
  );
}

/**
 * An ISO 8601 period (`P10D`, `PT20S`, `P1DT12H`) in words (`10 days`, `20 seconden`); the period
 * as written when it has parts other than days, hours, minutes and seconds.
 */
export function period(iso: string, locale: Locale): string {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(iso);
  if (!m || iso === 'P' || iso.endsWith('T')) return iso;
  const units = ['day', 'hour', 'minute', 'second'] as const;
  const parts = units.flatMap((unit, i) =>
    m[i + 1] === undefined
      ? []
      : [
          new Intl.NumberFormat(tag(locale), { style: 'unit', unit, unitDisplay: 'long' }).format(
            Number(m[i + 1]),
          ),
        ],
  );
  return new Intl.ListFormat(tag(locale), { type: 'conjunction' }).format(parts);
}

/** A rate in [0, 1] as a percentage. */
export function percent(rate: number, locale: Locale): string {
  return new Intl.NumberFormat(tag(locale), { style: 'percent', maximumFractionDigits: 2 }).format(rate);
}

/** An instant in the reader's time zone (or the one given), with its zone named. */
export function dateTime(iso: string, locale: Locale, timeZone?: string): string {
  return new Intl.DateTimeFormat(tag(locale), {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso));
}

/** The instant in UTC, as the API gives it: what a hover shows. */
export const utc = (iso: string) => `${new Date(iso).toISOString().replace('T', ' ').slice(0, 16)} UTC`;

/** How long until an instant, in days, hours and minutes; `null` once it has passed. */
export function timeLeft(iso: string, now: number): { days: number; hours: number; minutes: number } | null {
  const ms = new Date(iso).getTime() - now;
  if (ms <= 0) return null;
  const minutes = Math.floor(ms / 60_000);
  return {
    days: Math.floor(minutes / 1440),
    hours: Math.floor((minutes % 1440) / 60),
    minutes: minutes % 60,
  };
}

/** Which words say how long is left: its largest unit first, none of the units that are zero before it. */
export function timeLeftWords(left: { days: number; hours: number; minutes: number }) {
  if (left.days) return 'tender.timeLeft.days' as const;
  if (left.hours) return 'tender.timeLeft.hours' as const;
  return left.minutes ? ('tender.timeLeft.minutes' as const) : ('tender.timeLeft.soon' as const);
}

/**
 * An amount in euros as a person types it (`1.300.000,50` in Dutch, `1,300,000.50` in English, or
 * plain `1300000.5`) as integer cents; null when it is no amount.
 */
export function parseMoney(text: string, locale: Locale): number | null {
  const [group, decimal] = locale === 'nl' ? ['.', ','] : [',', '.'];
  let s = text.replace(/[€\s\u00a0\u202f]/g, '');
  // A lone other separator followed by one or two digits is the decimal point as typed elsewhere.
  if (!s.includes(decimal) && new RegExp(`\\${group}\\d{1,2}$`).test(s))
    s = s.replace(new RegExp(`\\${group}(?=\\d{1,2}$)`), decimal);
  s = s.split(group).join('');
  if (!new RegExp(`^\\d+(\\${decimal}\\d{1,2})?$`).test(s)) return null;
  const [whole, cents = ''] = s.split(decimal) as [string, string?];
  return Number(whole) * 100 + Number(cents.padEnd(2, '0'));
}
