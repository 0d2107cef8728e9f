import { CHECKIN_LIMITS } from '../../../shared/contracts/checkins.ts';
import { daysBetween } from '../../lib/dates.ts';

/**
 * Calendar logic of check-ins. A check-in belongs to a local day in the member's time zone (todayIn
 * in lib/dates.ts); once the day is known, everything else (backfill limits, streaks, series) is
 * plain calendar arithmetic on local days.
 */

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
