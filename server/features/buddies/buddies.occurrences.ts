import { DateTime } from 'luxon';
import { BUDDY_LIMITS } from '../../../shared/contracts/buddies.ts';

/** What of a meeting decides when it happens. */
export interface MeetingSchedule {
  day: number | null;
  time: string | null;
  timezone: string;
  attendanceMode: string;
}

/** By appointment (no day or time) and inactive meetings have no occurrence anyone could be taken to. */
export const isBookable = (meeting: MeetingSchedule): meeting is MeetingSchedule & { day: number; time: string } =>
  meeting.day !== null && meeting.time !== null && meeting.attendanceMode !== 'inactive';

/**
 * The start of a weekly meeting on one local calendar date, in its own zone. A wall-clock time that
 * does not exist that day (the hour skipped when clocks go forward) is moved forward by luxon, and an
 * ambiguous one (the hour repeated when clocks go back) is its first instance: the same rule both when
 * offering occurrences and when checking one, so what was offered is always accepted.
 */
function startOn(date: DateTime, time: string): DateTime {
  return DateTime.fromObject(
    { year: date.year, month: date.month, day: date.day, hour: Number(time.slice(0, 2)), minute: Number(time.slice(3, 5)) },
    { zone: date.zoneName ?? 'UTC' },
  );
}

/** The next `count` starts of a weekly meeting strictly after `now`. */
export function upcomingOccurrences(meeting: MeetingSchedule, now: Date, count: number = BUDDY_LIMITS.occurrencesShown): DateTime[] {
  if (!isBookable(meeting)) return [];
  const from = DateTime.fromJSDate(now).setZone(meeting.timezone);
  const out: DateTime[] = [];
  for (let shift = 0; out.length < count && shift <= 7 * count + 7; shift += 1) {
    const date = from.startOf('day').plus({ days: shift });
    if (date.weekday % 7 !== meeting.day) continue;
    const start = startOn(date, meeting.time);
    if (start.toMillis() > now.getTime()) out.push(start);
  }
  return out;
}

/**
 * Whether `instant` is a real start of this meeting, after `now` and within the horizon: its local date
 * in the meeting's zone is the meeting's weekday and the meeting's time on that date is exactly it.
 */
export function isUpcomingOccurrence(meeting: MeetingSchedule, instant: Date, now: Date): boolean {
  if (!isBookable(meeting)) return false;
  const at = instant.getTime();
  if (at <= now.getTime() || at > now.getTime() + BUDDY_LIMITS.horizonDays * 86_400_000) return false;
  const local = DateTime.fromJSDate(instant).setZone(meeting.timezone);
  if (!local.isValid || local.weekday % 7 !== meeting.day) return false;
  return startOn(local, meeting.time).toMillis() === at;
}
