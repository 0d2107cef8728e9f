import { DateTime } from 'luxon';
import { addDays, localDateAt } from '../../lib/dates.ts';

/**
 * When reminders fire, as pure functions of (zone, local time, now): no database and no clock of
 * their own, so every rule is unit-tested with fixed instants across DST changes.
 *
 * The rules, and why:
 * - A reminder belongs to a local calendar day in the member's zone, and fires at most once per day:
 *   the dedupe key carries that day, so a retried job, a second app instance or a 25-hour day cannot
 *   send it twice.
 * - A time that does not exist that day (02:30 on a spring-forward night in New York) fires at the
 *   same wall-clock distance after the gap (03:30), rather than being skipped: the member still gets
 *   their reminder that morning.
 * - A time that exists twice (01:30 on a fall-back night) fires at its first occurrence only.
 */

export type ReminderKind = 'checkin' | 'milestone' | 'barc10';

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function parseLocalTime(value: string): { hour: number; minute: number } {
  const match = TIME.exec(value);
  if (!match) throw new Error(`not a local time: ${value}`);
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

function localDay(date: string): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/** The instant the reminder of local day `date` fires. */
export function reminderInstantOn(date: string, time: string, zone: string): Date {
  const { hour, minute } = parseLocalTime(time);
  // Luxon moves a wall-clock time inside a spring-forward gap forward by the gap (02:30 → 03:30),
  // which is our rule, but resolves a repeated fall-back time to its second (standard-time)
  // occurrence, so the first one is looked for explicitly below.
  const local = DateTime.fromObject({ ...localDay(date), hour, minute }, { zone });
  if (!local.isValid) throw new Error(`unknown time zone ${zone}`);
  // Shifts are an hour almost everywhere, half an hour on Lord Howe Island.
  for (const minutes of [60, 30]) {
    const earlier = DateTime.fromMillis(local.toMillis() - minutes * 60_000, { zone });
    if (earlier.hour === hour && earlier.minute === minute && earlier.toISODate() === date) return earlier.toJSDate();
  }
  return local.toJSDate();
}

/**
 * The next reminder strictly after `now`: its instant and the local day it belongs to. Today's if
 * its time has not come yet, otherwise tomorrow's.
 */
export function nextReminder(zone: string, time: string, now: Date): { at: Date; localDate: string } {
  const today = localDateAt(zone, now);
  const at = reminderInstantOn(today, time, zone);
  if (at.getTime() > now.getTime()) return { at, localDate: today };
  const tomorrow = addDays(today, 1);
  return { at: reminderInstantOn(tomorrow, time, zone), localDate: tomorrow };
}

/** Today's reminder if its time has come (it is due until the local day ends), else null. */
export function dueReminder(zone: string, time: string, now: Date): { at: Date; localDate: string } | null {
  const today = localDateAt(zone, now);
  const at = reminderInstantOn(today, time, zone);
  return at.getTime() <= now.getTime() ? { at, localDate: today } : null;
}

/** One notification per member, kind and local day (or, for milestones, per clock run and milestone). */
export function dedupeKey(userId: string, kind: ReminderKind, localDate: string): string {
  return `${userId}:${kind}:${localDate}`;
}
