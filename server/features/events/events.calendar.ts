import { eq } from 'drizzle-orm';
import { ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import type { Db } from '../../db/client.ts';
import { events } from '../../db/schema/events.ts';
import { calendarFileName, publishedCalendar } from '../../lib/calendar.ts';
import type { Actor } from '../../plugins/session.ts';
import { eventPath } from './events.notify.ts';
import { eventForViewer } from './events.service.ts';

/**
 * One event as a calendar file, for any signed-in person (the same people who may see the event).
 * Times carry the organizer's zone with its VTIMEZONE. The UID is the event's id, so importing it again
 * after a change or a cancellation (STATUS:CANCELLED) updates the same calendar entry; SEQUENCE grows
 * with every change.
 */
export async function eventCalendar({ db, actor, id, publicUrl }: { db: Db; actor: Actor; id: string; publicUrl: string }) {
  const event = await eventForViewer({ db, actor, id });
  const [row] = await db.select({ createdAt: events.createdAt, updatedAt: events.updatedAt }).from(events).where(eq(events.id, id));
  const start = DateTime.fromISO(event.startsAt).setZone(event.timezone);
  const end = DateTime.fromISO(event.endsAt).setZone(event.timezone);
  const link = `${publicUrl}${eventPath(event.id)}`;
  const calendar = publishedCalendar('Events');
  const place = [event.location, event.address].filter(Boolean).join(', ');
  calendar.createEvent({
    id: `event-${event.id}@kinship`,
    // Seconds between creation and the last change: larger after every edit or the cancellation.
    sequence: row ? Math.max(0, Math.floor((row.updatedAt.getTime() - row.createdAt.getTime()) / 1000)) : 0,
    start,
    end,
    timezone: event.timezone,
    stamp: DateTime.utc(),
    summary: event.status === 'cancelled' ? `Cancelled: ${event.title}` : event.title,
    description: [
      event.description || null,
      event.conferenceUrl ? `Join: ${event.conferenceUrl}` : null,
      event.cancellationNote ? `Cancelled: ${event.cancellationNote}` : null,
      `Details: ${link}`,
    ]
      .filter(Boolean)
      .join('\n\n'),
    location: place || event.conferenceUrl,
    url: event.conferenceUrl ?? link,
    status: event.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return { fileName: calendarFileName(`${event.title}-${start.toISODate()}`), body: calendar.toString() };
}
