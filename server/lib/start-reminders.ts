import { type AnyColumn, and, gt, lte, type SQL } from 'drizzle-orm';
import type { AppContext } from '../context.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The two reminders before something that starts at a set time (a session, an event). */
export type StartReminder = 'reminder_24h' | 'reminder_1h';

/** What a minute sweep of start reminders takes and reports (see SWEEPS in jobs.ts). */
export type StartReminderSweep = {
  ctx: Pick<AppContext, 'db' | 'mailer' | 'config'>;
  now?: Date;
};
// A type, not an interface: SWEEPS takes any record of counts.
export type StartReminderCounts = {
  created: number;
  emailed: number;
};

/** The rows a sweep looks at: starting after now and at most a day ahead. */
export function startsWithinReminderWindow(startsAt: AnyColumn, now: Date): SQL | undefined {
  return and(gt(startsAt, now), lte(startsAt, new Date(now.getTime() + DAY_MS)));
}

/**
 * The reminder due now for something starting at `startsAt`: the nearest whose moment has come, so an
 * hour before beats a day before (a day-ahead reminder is never sent an hour ahead), or null outside
 * the window (already started, or more than a day away).
 */
export function dueStartReminder(startsAt: Date, now: Date): StartReminder | null {
  const untilMs = startsAt.getTime() - now.getTime();
  if (untilMs <= 0 || untilMs > DAY_MS) return null;
  return untilMs <= HOUR_MS ? 'reminder_1h' : 'reminder_24h';
}

/** Whether it was booked less than a day before it starts: then the booking notice stands for the day-ahead reminder. */
export function bookedWithinADay(startsAt: Date, createdAt: Date): boolean {
  return startsAt.getTime() - createdAt.getTime() < DAY_MS;
}
