import { parse } from 'tinyduration';

/** Adds an ISO 8601 duration to a UTC instant, counting days and months on the calendar. */
export function addDuration(from: Date, iso: string): Date {
  const d = parse(iso);
  const sign = d.negative ? -1 : 1;
  const at = new Date(from.getTime());
  at.setUTCFullYear(at.getUTCFullYear() + sign * (d.years ?? 0));
  at.setUTCMonth(at.getUTCMonth() + sign * (d.months ?? 0));
  at.setUTCDate(at.getUTCDate() + sign * ((d.weeks ?? 0) * 7 + (d.days ?? 0)));
  const ms = ((d.hours ?? 0) * 3600 + (d.minutes ?? 0) * 60 + (d.seconds ?? 0)) * 1000;
  return new Date(at.getTime() + sign * ms);
}

/** True when the duration `a` is at least as long as `b`, measured from the same instant. */
export function isAtLeast(a: string, b: string, from = new Date()): boolean {
  return addDuration(from, a).getTime() >= addDuration(from, b).getTime();
}
