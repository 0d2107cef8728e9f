import { type ICalCalendar, ICalEventRepeatingFreq, ICalWeekday } from 'ical-generator';
import { DateTime } from 'luxon';
import type { Db } from '../../db/client.ts';
import { conflict } from '../../lib/app-error.ts';
import { publishedCalendar } from '../../lib/calendar.ts';
import { meetingRow } from './meetings.service.ts';
import { durationMinutes, nextOccurrence } from './meetings.window.ts';

const WEEKDAYS = [ICalWeekday.SU, ICalWeekday.MO, ICalWeekday.TU, ICalWeekday.WE, ICalWeekday.TH, ICalWeekday.FR, ICalWeekday.SA];

/**
 * A weekly meeting as an iCalendar file (RFC 5545; the library writes CRLF, folding and escaping): a
 * weekly RRULE on its day, DTSTART in the meeting's own zone with its VTIMEZONE, so every calendar shows
 * 19:00 New York time on both sides of a DST change. No end time: the default duration (60 min).
 * By appointment (no day and time): 409, there is nothing to put in a calendar.
 */
export async function meetingCalendar({ db, id, now = DateTime.utc() }: { db: Db; id: string; now?: DateTime }) {
  const row = await meetingRow(db, id);
  if (row.day === null || row.time === null) throw conflict('This meeting is by appointment: it has no schedule');
  const calendar = publishedCalendar('Meetings');
  addWeeklyMeeting(calendar, row, now);
  return { fileName: `${row.slug.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 60)}.ics`, body: calendar.toString() };
}

type ScheduledMeeting = Awaited<ReturnType<typeof meetingRow>>;

/** One weekly meeting as a recurring event (by-appointment meetings have no schedule and are skipped). */
export function addWeeklyMeeting(calendar: ICalCalendar, row: ScheduledMeeting, now: DateTime) {
  if (row.day === null || row.time === null) return;
  const start = nextOccurrence(row.timezone, row.day, row.time, row.endTime, now);
  const place = row.formattedAddress ?? [row.location, row.address, row.city].filter(Boolean).join(', ');
  calendar.createEvent({
    id: `meeting-${row.id}@kinship`,
    start,
    end: start.plus({ minutes: durationMinutes(row.time, row.endTime) }),
    timezone: row.timezone,
    stamp: DateTime.utc(),
    summary: row.name,
    repeating: { freq: ICalEventRepeatingFreq.WEEKLY, byDay: [WEEKDAYS[row.day] as ICalWeekday] },
    description: [
      row.conferenceUrl ? `Join: ${row.conferenceUrl}` : null,
      row.conferencePhone ? `Phone: ${row.conferencePhone}` : null,
      row.notes,
    ]
      .filter(Boolean)
      .join('\n'),
    location: row.attendanceMode === 'online' ? row.conferenceUrl : place || row.conferenceUrl,
    url: row.conferenceUrl ?? row.url,
  });
}
