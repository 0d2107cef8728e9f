import { DateTime } from 'luxon';

/** When a weekly meeting takes place, as "I went" needs it (0 = Sunday … 6 = Saturday; by appointment: no day). */
export interface MeetingDays {
  day: number | null;
  time: string | null;
  endTime: string | null;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * Whether a meeting takes place on a local calendar date ('YYYY-MM-DD', in the meeting's zone): its
 * weekday, or the next day too when it ends after midnight (someone leaving at 00:15 logs "today").
 * A meeting by appointment, online or not, has no weekly day: any date is one it may have met on.
 */
export function meetsOn(meeting: MeetingDays, date: string): boolean {
  if (meeting.day === null) return true;
  const weekday = DateTime.fromISO(date, { zone: 'utc' }).weekday % 7;
  if (weekday === meeting.day) return true;
  const crossesMidnight = meeting.time !== null && meeting.endTime !== null && meeting.endTime < meeting.time;
  return crossesMidnight && weekday === (meeting.day + 1) % 7;
}

/** "Mondays", for the refusal. */
export const weekdayName = (day: number) => `${WEEKDAYS[day] ?? ''}s`;
