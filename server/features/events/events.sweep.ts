import { and, eq, isNull, sql } from 'drizzle-orm';
import { eventRsvps, events } from '../../db/schema/events.ts';
import {
  dueStartReminder,
  type StartReminderCounts,
  type StartReminderSweep,
  startsWithinReminderWindow,
} from '../../lib/start-reminders.ts';
import { recipients, sendEventNotice } from './events.notify.ts';

/**
 * The minute sweep of event reminders: a day before and an hour before, to the people going. Each is
 * claimed by setting its column on the answer (`reminded_24h_at`, `reminded_1h_at`) WHERE it is still
 * null, in the same transaction as the notification and email: only the sweep whose UPDATE went
 * through sends, so a retried or concurrent sweep sends nothing twice. When the hour-before reminder
 * is due, a day-before one not yet sent is dropped (marked) rather than sent late.
 *
 * Preferences: the in-app notification always; the email only for people who chose reminders by email
 * in their reminder choices (the same switch as check-in reminders). A moved event re-arms both
 * columns (events.service).
 */
export async function runEventReminderSweep({ ctx, now = new Date() }: StartReminderSweep): Promise<StartReminderCounts> {
  const db = ctx.db;
  const due = await db
    .select({
      rsvpId: eventRsvps.id,
      personId: eventRsvps.personId,
      reminded24hAt: eventRsvps.reminded24hAt,
      reminded1hAt: eventRsvps.reminded1hAt,
      event: { id: events.id, title: events.title, startsAt: events.startsAt },
    })
    .from(eventRsvps)
    .innerJoin(events, eq(events.id, eventRsvps.eventId))
    .where(
      and(
        eq(eventRsvps.status, 'going'),
        eq(events.status, 'scheduled'),
        startsWithinReminderWindow(events.startsAt, now),
        sql`(${eventRsvps.reminded24hAt} IS NULL OR ${eventRsvps.reminded1hAt} IS NULL)`,
      ),
    );
  let created = 0;
  let emailed = 0;
  for (const row of due) {
    const notice = dueStartReminder(row.event.startsAt, now);
    if (!notice) continue;
    const withinHour = notice === 'reminder_1h';
    if (!withinHour && row.reminded24hAt) continue;
    if (withinHour && row.reminded1hAt) continue;
    await db.transaction(async (tx) => {
      const claim = withinHour
        ? { reminded1hAt: now, reminded24hAt: sql`coalesce(${eventRsvps.reminded24hAt}, ${now.toISOString()}::timestamptz)` }
        : { reminded24hAt: now };
      const claimed = await tx
        .update(eventRsvps)
        .set(claim)
        .where(
          and(
            eq(eventRsvps.id, row.rsvpId),
            eq(eventRsvps.status, 'going'),
            withinHour ? isNull(eventRsvps.reminded1hAt) : isNull(eventRsvps.reminded24hAt),
          ),
        )
        .returning({ id: eventRsvps.id });
      if (claimed.length === 0) return; // sent by an earlier or concurrent sweep, or the answer changed
      const [to] = await recipients(tx, [row.personId]);
      if (!to) return;
      const sent = await sendEventNotice(ctx, tx, {
        to,
        notice,
        event: row.event,
        dedupeKey: `${row.personId}:event:${row.event.id}:${row.event.startsAt.getTime()}:${notice}`,
        email: to.remindByEmail,
      });
      if (sent) {
        created += 1;
        if (to.remindByEmail) emailed += 1;
      }
    });
  }
  return { created, emailed };
}
