import { DateTime, type DurationLikeObject } from 'luxon';

/**
 * Clock arithmetic, pure: no database, no "now" of its own (callers pass it), so every rule here is
 * unit-tested with fixed instants across DST changes and leap days.
 *
 * The rules, and why:
 * - A day is a calendar day in the member's time zone, counted from the start's wall-clock time: a
 *   clock started Friday 23:30 reaches 1 day on Saturday 23:30, whether that Saturday had 23, 24 or
 *   25 hours. Counting local midnights instead would show "1 day" thirty minutes after a late-night
 *   start, before the 24-hour milestone, which reads as a mistake.
 * - "24 hours" is literal elapsed time (the one milestone people count on a watch).
 * - Month and year milestones are calendar months and years from the start (Luxon `plus`), each
 *   computed from the start itself, never chained, so a clamp in one year does not drift into the next.
 * - Leap day: a start on 29 February reaches "1 year" on 28 February of a common year (Luxon clamps
 *   to the month's last day). The anniversary stays in the member's own month, the same rule gives
 *   31 August + 6 months = 28/29 February rather than a date in March, and every fourth year it is
 *   back on 29 February.
 */

export type MilestoneUnit = 'hours' | 'days' | 'months' | 'years';

export interface Milestone {
  /** Stable name the client translates and remembers ("celebrated already"): `7_days`, `1_year`, `18_months`, `5_years`. */
  key: string;
  amount: number;
  unit: MilestoneUnit;
  /** The instant it is reached, in the member's zone. */
  at: DateTime;
}

/** Before yearly milestones take over, in order. */
const FIXED: readonly { amount: number; unit: MilestoneUnit }[] = [
  { amount: 24, unit: 'hours' },
  { amount: 7, unit: 'days' },
  { amount: 30, unit: 'days' },
  { amount: 60, unit: 'days' },
  { amount: 90, unit: 'days' },
  { amount: 6, unit: 'months' },
  { amount: 9, unit: 'months' },
  { amount: 1, unit: 'years' },
  { amount: 18, unit: 'months' },
];

const KEY_UNIT: Record<MilestoneUnit, [string, string]> = {
  hours: ['hour', 'hours'],
  days: ['day', 'days'],
  months: ['month', 'months'],
  years: ['year', 'years'],
};

function milestone(start: DateTime, amount: number, unit: MilestoneUnit): Milestone {
  const [one, many] = KEY_UNIT[unit];
  return { key: `${amount}_${amount === 1 ? one : many}`, amount, unit, at: start.plus({ [unit]: amount } as DurationLikeObject) };
}

/** The n-th milestone of a clock (0 = 24 hours); from the tenth on, one per year (2 years, 3 years, …). */
export function nthMilestone(start: DateTime, n: number): Milestone {
  const fixed = FIXED[n];
  if (fixed) return milestone(start, fixed.amount, fixed.unit);
  return milestone(start, n - FIXED.length + 2, 'years');
}

export function zoned(instant: Date | string, zone: string): DateTime {
  const value = typeof instant === 'string' ? DateTime.fromISO(instant, { setZone: true }) : DateTime.fromJSDate(instant);
  return value.setZone(zone);
}

/** Milestones already reached at `now` (oldest first) and the next one. */
export function milestonesOf(startedAt: Date, now: Date, zone: string): { reached: Milestone[]; next: Milestone } {
  const start = zoned(startedAt, zone);
  const reached: Milestone[] = [];
  for (let n = 0; ; n++) {
    const candidate = nthMilestone(start, n);
    if (candidate.at.toMillis() > now.getTime()) return { reached, next: candidate };
    reached.push(candidate);
  }
}

/** Days between two local calendar dates, exact whatever the length of the days in between. */
function calendarDaysBetween(from: DateTime, to: DateTime): number {
  const a = DateTime.fromObject({ year: from.year, month: from.month, day: from.day }, { zone: 'utc' });
  const b = DateTime.fromObject({ year: to.year, month: to.month, day: to.day }, { zone: 'utc' });
  return Math.round(b.diff(a, 'days').days);
}

/**
 * The whole days a run lasted (see the day rule above) and the time left over after them, in
 * milliseconds. A run that ends before it starts lasted nothing.
 */
export function runLength(startedAt: Date, endedAt: Date, zone: string): { days: number; remainderMs: number } {
  if (endedAt.getTime() <= startedAt.getTime()) return { days: 0, remainderMs: 0 };
  const start = zoned(startedAt, zone);
  const end = zoned(endedAt, zone);
  let days = calendarDaysBetween(start, end);
  // The last calendar day counts only once its wall-clock time has come round again.
  while (days > 0 && start.plus({ days }).toMillis() > end.toMillis()) days -= 1;
  return { days, remainderMs: end.toMillis() - start.plus({ days }).toMillis() };
}

const DAY_MS = 24 * 3600_000;

/**
 * Totals over a clock's runs (earlier ones and the current one): every whole day counts, and the
 * leftover hours of the runs add up too, so time in recovery is never thrown away by a reset.
 */
export function clockTotals(runs: readonly { startedAt: Date; endedAt: Date }[], zone: string) {
  let wholeDays = 0;
  let leftover = 0;
  let longestRunDays = 0;
  for (const run of runs) {
    const length = runLength(run.startedAt, run.endedAt, zone);
    wholeDays += length.days;
    leftover += length.remainderMs;
    longestRunDays = Math.max(longestRunDays, length.days);
  }
  return { totalDays: wholeDays + Math.floor(leftover / DAY_MS), longestRunDays };
}
