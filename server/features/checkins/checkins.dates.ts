import { DateTime } from 'luxon';
import { CHECKIN_LIMITS } from '../../../shared/contracts/checkins.ts';

/**
 * Calendar logic of check-ins. A check-in belongs to a local day in the member's time zone; once the
 * day is known, everything else (windows, streaks, backfill limits) is plain calendar arithmetic, done
 * in UTC so that 23- and 25-hour days around DST changes can never shift a date.
 */

/** The member's current local day (YYYY-MM-DD) in an IANA zone. */
export function todayIn(zone: string, now: Date = new Date()): string {
  const local = DateTime.fromJSDate(now, { zone });
  // An unknown zone would silently be "invalid"; profiles only hold valid zones, so this is a bug if hit.
  if (!local.isValid) throw new Error(`unknown time zone ${zone}`);
  return local.toISODate() as string;
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

export type DayKind = 'today' | 'backfill' | 'future' | 'too_old';

/** Whether a check-in may be written for `localDate`, seen from the member's `today`. */
export function classifyDay(localDate: string, today: string, backfillDays: number = CHECKIN_LIMITS.backfillDays): DayKind {
  const age = daysBetween(localDate, today);
  if (age < 0) return 'future';
  if (age === 0) return 'today';
  return age <= backfillDays ? 'backfill' : 'too_old';
}

/**
 * The current streak from the member's latest run of consecutive days: it counts while the run ends
 * today or yesterday (today's check-in may simply not be done yet).
 */
export function currentStreak(lastRun: { start: string; end: string } | null, today: string): number {
  if (!lastRun) return 0;
  if (daysBetween(lastRun.end, today) > 1) return 0;
  // A run can end after today if the member moved west of the zone they checked in from.
  const end = lastRun.end > today ? today : lastRun.end;
  const length = daysBetween(lastRun.start, end) + 1;
  return Math.max(length, 0);
}

/** Reference implementation over a plain list of days (the service gets the same numbers from SQL). */
export function streaksOf(dates: readonly string[], today: string): { current: number; longest: number } {
  const sorted = [...new Set(dates)].sort();
  let longest = 0;
  let run: { start: string; end: string } | null = null;
  for (const date of sorted) {
    if (run && daysBetween(run.end, date) === 1) run.end = date;
    else run = { start: date, end: date };
    longest = Math.max(longest, daysBetween(run.start, run.end) + 1);
  }
  return { current: currentStreak(run, today), longest };
}

export interface DayValues {
  localDate: string;
  mood: number;
  craving: number;
  sleepHours: number | null;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);
const daysInMonth = (y: number, m: number) =>
  m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;

/**
 * One point per day of the window, oldest first; days without a check-in are present with nulls.
 * The day is stepped by hand (no Date per day): for a 365-day chart this loop cost more than the query.
 */
export function dailySeries(window: { from: string; to: string }, rows: readonly DayValues[]) {
  const byDay = new Map(rows.map((row) => [row.localDate, row]));
  const count = daysBetween(window.from, window.to) + 1;
  let y = Number(window.from.slice(0, 4));
  let m = Number(window.from.slice(5, 7));
  let d = Number(window.from.slice(8, 10));
  const series = new Array(Math.max(count, 0));
  for (let i = 0; i < count; i++) {
    const date = `${y}-${pad2(m)}-${pad2(d)}`;
    const row = byDay.get(date);
    series[i] = {
      date,
      checkedIn: row !== undefined,
      mood: row ? row.mood : null,
      craving: row ? row.craving : null,
      sleepHours: row ? row.sleepHours : null,
    };
    if (++d > daysInMonth(y, m)) {
      d = 1;
      if (++m > 12) {
        m = 1;
        y++;
      }
    }
  }
  return series as { date: string; checkedIn: boolean; mood: number | null; craving: number | null; sleepHours: number | null }[];
}
