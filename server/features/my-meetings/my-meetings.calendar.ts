import { asc, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Db } from '../../db/client.ts';
import { meetings } from '../../db/schema/meetings.ts';
import { calendarSubscriptions, savedMeetings } from '../../db/schema/my-meetings.ts';
import { notFound } from '../../lib/app-error.ts';
import { publishedCalendar } from '../../lib/calendar.ts';
import { hashToken, newToken } from '../../lib/crypto.ts';
import type { Actor, Own } from '../../plugins/session.ts';
import { addWeeklyMeeting } from '../meetings/meetings.public.ts';

/**
 * The private "my meetings" calendar: a secret address a calendar app subscribes to. The token in
 * the address is the only credential, so only its hash is stored (looked up by hash: no comparison
 * whose timing depends on the secret). Making a new address replaces the old one, which stops working.
 */

export const calendarPath = (token: string) => `/api/calendars/meetings/${token}.ics`;

export async function calendarSubscriptionOf({ db, actor }: Own) {
  const [row] = await db
    .select({ createdAt: calendarSubscriptions.createdAt })
    .from(calendarSubscriptions)
    .where(eq(calendarSubscriptions.personId, actor.userId));
  return { active: Boolean(row), createdAt: row ? row.createdAt.toISOString() : null };
}

export async function createOrRotateSubscription({ db, actor, publicUrl }: { db: Db; actor: Actor; publicUrl: string }) {
  const token = newToken();
  const createdAt = new Date();
  await db
    .insert(calendarSubscriptions)
    .values({ personId: actor.userId, tokenHash: hashToken(token), createdAt })
    .onConflictDoUpdate({ target: calendarSubscriptions.personId, set: { tokenHash: hashToken(token), createdAt } });
  return { url: `${publicUrl.replace(/\/$/, '')}${calendarPath(token)}`, createdAt: createdAt.toISOString() };
}

export async function revokeSubscription({ db, actor }: Own) {
  await db.delete(calendarSubscriptions).where(eq(calendarSubscriptions.personId, actor.userId));
}

/** Every saved meeting with a schedule as a weekly event; 404 for an address that is not (or no longer) valid. */
export async function subscribedCalendar(db: Db, token: string, now: DateTime = DateTime.utc()): Promise<string> {
  const [subscription] = await db
    .select({ personId: calendarSubscriptions.personId })
    .from(calendarSubscriptions)
    .where(eq(calendarSubscriptions.tokenHash, hashToken(token)));
  if (!subscription) throw notFound();
  const rows = await db
    .select({ meeting: meetings })
    .from(savedMeetings)
    .innerJoin(meetings, eq(meetings.id, savedMeetings.meetingId))
    .where(eq(savedMeetings.personId, subscription.personId))
    .orderBy(asc(meetings.name));
  // Calendar apps re-read a subscription on their own schedule; this asks for every few hours.
  const calendar = publishedCalendar('My meetings');
  calendar.name('My meetings');
  calendar.ttl(6 * 3600);
  for (const { meeting } of rows) addWeeklyMeeting(calendar, meeting, now);
  return calendar.toString();
}
