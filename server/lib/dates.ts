import { DateTime } from 'luxon';

/**
 * Instants and local days. An instant is written as ISO 8601 in UTC. A local day (YYYY-MM-DD) is
 * the calendar day in a person's IANA zone; once it is known, day arithmetic is plain calendar
 * arithmetic, done in UTC so that 23- and 25-hour days around DST changes can never shift a date.
 */

export const iso = (d: Date): string => d.toISOString();
export const isoOrNull = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** The local day (YYYY-MM-DD) in an IANA zone at an instant. */
export function localDateAt(zone: string, at: Date): string {
  const local = DateTime.fromJSDate(at, { zone });
  // An unknown zone would silently be "invalid"; profiles only hold valid zones, so this is a bug if hit.
  if (!local.isValid) throw new Error(`unknown time zone ${zone}`);
  return local.toISODate() as string;
}

/** The current local day (YYYY-MM-DD) in an IANA zone. */
export function todayIn(zone: string, now: Date = new Date()): string {
  return localDateAt(zone, now);
}

const DAY_MS = 86_400_000;
// Native UTC arithmetic rather than Luxon here: a 365-day series calls this hundreds of times per request.
const epochDay = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;

export function addDays(date: string, days: number): string {
  return new Date((epochDay(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}

/** The `days` local days ending on (and including) `today`. */
export function windowEndingOn(today: string, days: number): { from: string; to: string } {
  return { from: addDays(today, -(days - 1)), to: today };
}
