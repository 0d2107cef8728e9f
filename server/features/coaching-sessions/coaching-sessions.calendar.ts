import { eq } from 'drizzle-orm';
import { ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import type { Db } from '../../db/client.ts';
import { coachProfiles } from '../../db/schema/coaching.ts';
import { profiles } from '../../db/schema/profile.ts';
import { publishedCalendar } from '../../lib/calendar.ts';
import type { Own } from '../../plugins/session.ts';
import { relationshipPath, sessionForParticipant } from './coaching-sessions.service.ts';

const TYPE_LABEL = { in_person: 'in person', phone: 'phone', video: 'video' } as const;

/** The coach's zone: the one on their coach profile, else their personal one. */
async function coachZone(db: Db, coachId: string): Promise<string> {
  const [row] = await db
    .select({ coach: coachProfiles.timezone, personal: profiles.timezone })
    .from(profiles)
    .leftJoin(coachProfiles, eq(coachProfiles.userId, profiles.userId))
    .where(eq(profiles.userId, coachId))
    .limit(1);
  const zone = row?.coach ?? row?.personal ?? 'UTC';
  return DateTime.now().setZone(zone).isValid ? zone : 'UTC';
}

/**
 * The session as an iCalendar file (RFC 5545) for the two people meeting. It says when, how long,
 * what kind of contact and where (the place or the video link), and nothing clinical: a calendar is
 * often synced to other devices and shared. The UID is the session's id, so importing it again (after
 * a change or a cancellation) updates the same calendar entry. Times carry the coach's zone with its
 * VTIMEZONE so a calendar in any zone shows the right moment.
 */
export async function sessionCalendar({
  db,
  actor,
  id,
  publicUrl,
}: Own & {
  id: string;
  publicUrl: string;
}): Promise<{ fileName: string; body: string }> {
  const session = await sessionForParticipant(db, actor, id);
  const zone = await coachZone(db, session.coachId);
  const start = DateTime.fromJSDate(session.scheduledAt).setZone(zone);
  const calendar = publishedCalendar('Coaching sessions');
  const with_ = actor.userId === session.coachId ? session.memberAlias : session.coachAlias;
  const link = `${publicUrl}${relationshipPath(session.relationshipId)}`;
  calendar.createEvent({
    id: `${session.id}@kinship`,
    // A change or cancellation must replace the copy the person imported before.
    sequence: Math.floor(session.updatedAt.getTime() / 1000) - Math.floor(session.createdAt.getTime() / 1000),
    start,
    end: start.plus({ minutes: session.durationMinutes }),
    timezone: zone,
    stamp: DateTime.utc(),
    summary: `Coaching session (${TYPE_LABEL[session.contactType]})`,
    description: [with_ ? `With ${with_}` : null, session.videoUrl ? `Join: ${session.videoUrl}` : null, `Details: ${link}`]
      .filter(Boolean)
      .join('\n'),
    location: session.contactType === 'in_person' ? session.location : session.contactType === 'video' ? session.videoUrl : null,
    url: session.videoUrl ?? link,
    status: session.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return { fileName: `coaching-session-${start.toISODate()}.ics`, body: calendar.toString() };
}
