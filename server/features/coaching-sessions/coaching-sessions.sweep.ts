import { and, eq, inArray } from 'drizzle-orm';
import { users } from '../../db/schema/auth.ts';
import { coachingSessions } from '../../db/schema/coaching-sessions.ts';
import { profiles } from '../../db/schema/profile.ts';
import {
  bookedWithinADay,
  dueStartReminder,
  type StartReminderCounts,
  type StartReminderSweep,
  startsWithinReminderWindow,
} from '../../lib/start-reminders.ts';
import { messageLanguage, notifyOnce } from '../notifications/notifications.public.ts';
import { relationshipPath } from './coaching-sessions.service.ts';
import { reminderEmail, sessionMessage } from './coaching-sessions.wording.ts';

/**
 * The minute sweep of session reminders: for every scheduled session starting within a day, the
 * member and the coach get an in-app notification and an email a day ahead and an hour ahead, each
 * once. The day-ahead one is skipped when the session was booked less than a day before it (the
 * booking notice just told them), and neither is sent once the session has started. Once is decided
 * by the notification's unique dedupe key (person, session, its time, which reminder): only the sweep
 * whose INSERT went through sends the email, so a retried or concurrent sweep sends nothing twice, and
 * a rescheduled session (a new time, a new key) is reminded afresh. Emails carry the time and kind of
 * contact only.
 */
export async function runSessionReminderSweep({ ctx, now = new Date() }: StartReminderSweep): Promise<StartReminderCounts> {
  const db = ctx.db;
  const due = await db
    .select({
      id: coachingSessions.id,
      relationshipId: coachingSessions.relationshipId,
      coachId: coachingSessions.coachId,
      memberId: coachingSessions.memberId,
      scheduledAt: coachingSessions.scheduledAt,
      contactType: coachingSessions.contactType,
      createdAt: coachingSessions.createdAt,
    })
    .from(coachingSessions)
    .where(and(eq(coachingSessions.status, 'scheduled'), startsWithinReminderWindow(coachingSessions.scheduledAt, now)));
  let created = 0;
  let emailed = 0;
  for (const session of due) {
    const reminder = dueStartReminder(session.scheduledAt, now);
    if (!reminder) continue;
    if (reminder === 'reminder_24h' && bookedWithinADay(session.scheduledAt, session.createdAt)) continue;
    const people = await db
      .select({ userId: users.id, email: users.email, timezone: profiles.timezone, languages: profiles.languages })
      .from(users)
      .innerJoin(profiles, eq(profiles.userId, users.id))
      .where(and(eq(users.status, 'active'), inArray(users.id, [session.coachId, session.memberId])));
    for (const person of people) {
      const language = messageLanguage(person.languages);
      const text = sessionMessage(reminder, language, {
        at: session.scheduledAt,
        zone: person.timezone,
        contactType: session.contactType,
      });
      const link = relationshipPath(session.relationshipId);
      const isNew = await notifyOnce(db, {
        userId: person.userId,
        kind: 'coaching_session',
        title: text.title,
        body: text.body,
        link,
        dedupeKey: `${person.userId}:coaching_session:${session.id}:${session.scheduledAt.getTime()}:${reminder}`,
      });
      if (!isNew) continue; // sent by an earlier or concurrent sweep
      created += 1;
      await ctx.mailer.send(db, { to: person.email, ...reminderEmail(language, text.body, `${ctx.config.publicUrl}${link}`) });
      emailed += 1;
    }
  }
  return { created, emailed };
}
