import { and, asc, desc, eq, gt, inArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  COACHING_SESSION_LIMITS,
  type CoachingSession,
  type CreateSession,
  type RelationshipSessions,
  type SessionList,
  type UpdateSession,
} from '../../../shared/contracts/coaching-sessions.ts';
import type { Db } from '../../db/client.ts';
import { coachingSessions, sessionNotes } from '../../db/schema/coaching-sessions.ts';
import { profiles } from '../../db/schema/profile.ts';
import { badRequest, conflict, notFound } from '../../lib/app-error.ts';
import { onlyRow } from '../../lib/rows.ts';
import type { Actor, Own } from '../../plugins/session.ts';
import { messageLanguage, notifyOnce } from '../notifications/notifications.public.ts';
import { authorizedRelationship, relationshipRecordsPolicy, relationshipRef, type Viewer, viewerOf } from './coaching-sessions.policy.ts';
import { type SessionEvent, sessionMessage, withMessage } from './coaching-sessions.wording.ts';

const L = COACHING_SESSION_LIMITS;
const coachProfile = alias(profiles, 'session_coach_profile');
const memberProfile = alias(profiles, 'session_member_profile');

export const relationshipPath = (relationshipId: string) => `/coaching/relationships/${relationshipId}`;

// ---------------------------------------------------------------------------------------------
// Reading

type SessionRow = typeof coachingSessions.$inferSelect & { coachAlias: string | null; memberAlias: string | null; noteId: string | null };

function selectSessions(db: Db) {
  return db
    .select({
      session: coachingSessions,
      coachAlias: coachProfile.alias,
      memberAlias: memberProfile.alias,
      noteId: sessionNotes.id,
    })
    .from(coachingSessions)
    .leftJoin(coachProfile, eq(coachProfile.userId, coachingSessions.coachId))
    .leftJoin(memberProfile, eq(memberProfile.userId, coachingSessions.memberId))
    .leftJoin(sessionNotes, eq(sessionNotes.sessionId, coachingSessions.id));
}

function flatten(row: {
  session: typeof coachingSessions.$inferSelect;
  coachAlias: string | null;
  memberAlias: string | null;
  noteId: string | null;
}): SessionRow {
  return { ...row.session, coachAlias: row.coachAlias, memberAlias: row.memberAlias, noteId: row.noteId };
}

export function presentSession(row: SessionRow): CoachingSession {
  return {
    id: row.id,
    relationshipId: row.relationshipId,
    coach: { id: row.coachId, alias: row.coachAlias ?? '' },
    member: { id: row.memberId, alias: row.memberAlias ?? '' },
    scheduledAt: row.scheduledAt.toISOString(),
    durationMinutes: row.durationMinutes,
    contactType: row.contactType,
    location: row.location,
    videoUrl: row.videoUrl,
    status: row.status,
    noteId: row.noteId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function sessionById(db: Db, id: string): Promise<SessionRow | null> {
  const [row] = await selectSessions(db).where(eq(coachingSessions.id, id)).limit(1);
  return row ? flatten(row) : null;
}

/** A relationship's sessions, newest first, for its member, its coach (while open) and supervisors. */
export async function listRelationshipSessions({
  db,
  actor,
  relationshipId,
}: Own & {
  relationshipId: string;
}): Promise<RelationshipSessions> {
  const rel = await authorizedRelationship(db, actor, relationshipId, 'read');
  // Whoever may read the relationship is one of its page's viewers.
  const viewer = viewerOf(actor, rel) as Viewer;
  const rows = await selectSessions(db)
    .where(eq(coachingSessions.relationshipId, rel.id))
    .orderBy(desc(coachingSessions.scheduledAt))
    .limit(L.listMax);
  return { relationship: relationshipRef(rel, viewer), sessions: rows.map((row) => presentSession(flatten(row))) };
}

/** My coming sessions, as a coach or as a member: scheduled and not yet over. */
export async function listUpcomingSessions({ db, actor, now = new Date() }: { db: Db; actor: Actor; now?: Date }): Promise<SessionList> {
  const rows = await selectSessions(db)
    .where(
      and(
        or(eq(coachingSessions.coachId, actor.userId), eq(coachingSessions.memberId, actor.userId)),
        eq(coachingSessions.status, 'scheduled'),
        gt(sql`${coachingSessions.scheduledAt} + make_interval(mins => ${coachingSessions.durationMinutes}::int)`, now),
      ),
    )
    .orderBy(asc(coachingSessions.scheduledAt))
    .limit(L.listMax);
  return { sessions: rows.map((row) => presentSession(flatten(row))) };
}

/**
 * One session for a participant (member, or the coach while the relationship is open); anyone else
 * gets 404. Used by the calendar file, which only the two people meeting should download.
 */
export async function sessionForParticipant(db: Db, actor: Actor, id: string): Promise<SessionRow> {
  const session = await sessionById(db, id);
  if (!session) throw notFound();
  await authorizedRelationship(db, actor, session.relationshipId, 'attend');
  return session;
}

// ---------------------------------------------------------------------------------------------
// Notifications

/**
 * An in-app notification to the member and the coach about a session. The dedupe key names the
 * session, the event and the time it was about, so a repeated request does not notify twice.
 */
async function notifyBoth(
  db: Db,
  session: {
    id: string;
    relationshipId: string;
    coachId: string;
    memberId: string;
    scheduledAt: Date;
    contactType: CoachingSession['contactType'];
  },
  event: SessionEvent,
  version: string,
  message?: string | null,
) {
  const people = await db
    .select({ userId: profiles.userId, timezone: profiles.timezone, languages: profiles.languages })
    .from(profiles)
    .where(inArray(profiles.userId, [session.coachId, session.memberId]));
  for (const person of people) {
    const language = messageLanguage(person.languages);
    const text = sessionMessage(event, language, { at: session.scheduledAt, zone: person.timezone, contactType: session.contactType });
    const body = person.userId === session.memberId ? withMessage(text.body, message, language) : text.body;
    await notifyOnce(db, {
      userId: person.userId,
      kind: 'coaching_session',
      title: text.title,
      body,
      link: relationshipPath(session.relationshipId),
      dedupeKey: `${person.userId}:coaching_session:${session.id}:${event}:${version}`,
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Writing (the relationship's coach)

/** In the future, and no more than a year ahead: a typo in the year is refused, not booked. */
function checkWhen(scheduledAt: string, now: Date): Date {
  const at = new Date(scheduledAt);
  if (at.getTime() <= now.getTime())
    throw badRequest('The session must be in the future', [{ path: 'body.scheduledAt', message: 'Choose a time in the future' }]);
  if (at.getTime() > now.getTime() + L.aheadDays * 86_400_000) {
    throw badRequest('The session must be within a year', [{ path: 'body.scheduledAt', message: 'Choose a time within the next year' }]);
  }
  return at;
}

export async function scheduleSession({
  db,
  actor,
  relationshipId,
  input,
  now = new Date(),
}: Own & {
  relationshipId: string;
  input: CreateSession;
  now?: Date;
}): Promise<CoachingSession> {
  const rel = await authorizedRelationship(db, actor, relationshipId, 'schedule');
  const at = checkWhen(input.scheduledAt, now);
  const id = await db.transaction(async (tx) => {
    const row = onlyRow(
      await tx
        .insert(coachingSessions)
        .values({
          relationshipId: rel.id,
          coachId: actor.userId,
          memberId: rel.memberId,
          scheduledAt: at,
          durationMinutes: input.durationMinutes,
          contactType: input.contactType,
          location: input.contactType === 'in_person' ? (input.location ?? null) : null,
          videoUrl: input.contactType === 'video' ? (input.videoUrl ?? null) : null,
        })
        .returning(),
    );
    await notifyBoth(tx, row, 'scheduled', String(row.createdAt.getTime()), input.message);
    return row.id;
  });
  const session = await sessionById(db, id);
  if (!session) throw notFound();
  return presentSession(session);
}

/** The coach's own session in an active relationship, still scheduled. */
async function ownScheduledSession(db: Db, actor: Actor, id: string) {
  const session = await sessionById(db, id);
  if (!session || session.coachId !== actor.userId) throw notFound();
  const rel = await authorizedRelationship(db, actor, session.relationshipId, 'write');
  return { session, rel };
}

export async function updateSession({
  db,
  actor,
  id,
  changes,
  now = new Date(),
}: Own & {
  id: string;
  changes: UpdateSession;
  now?: Date;
}): Promise<CoachingSession> {
  const { session, rel } = await ownScheduledSession(db, actor, id);
  relationshipRecordsPolicy.authorize(actor, 'reschedule', rel);
  if (session.status !== 'scheduled') throw conflict('Only a scheduled session can be changed');
  const contactType = changes.contactType ?? session.contactType;
  const location = contactType === 'in_person' ? (changes.location !== undefined ? changes.location : session.location) : null;
  const videoUrl = contactType === 'video' ? (changes.videoUrl !== undefined ? changes.videoUrl : session.videoUrl) : null;
  if (contactType === 'video' && !videoUrl)
    throw badRequest('A video session needs its link', [{ path: 'body.videoUrl', message: 'A video session needs its link' }]);
  if (contactType !== 'video' && changes.videoUrl) {
    throw badRequest('Only a video session has a link', [{ path: 'body.videoUrl', message: 'Only a video session has a link' }]);
  }
  if (contactType !== 'in_person' && changes.location) {
    throw badRequest('Only an in-person session has a place', [
      { path: 'body.location', message: 'Only an in-person session has a place' },
    ]);
  }
  const scheduledAt = changes.scheduledAt ? checkWhen(changes.scheduledAt, now) : session.scheduledAt;
  await db.transaction(async (tx) => {
    const row = onlyRow(
      await tx
        .update(coachingSessions)
        .set({
          scheduledAt,
          durationMinutes: changes.durationMinutes ?? session.durationMinutes,
          contactType,
          location,
          videoUrl,
          updatedAt: now,
        })
        .where(and(eq(coachingSessions.id, id), eq(coachingSessions.status, 'scheduled')))
        .returning(),
    );
    await notifyBoth(tx, row, 'changed', String(row.updatedAt.getTime()));
  });
  const updated = await sessionById(db, id);
  if (!updated) throw notFound();
  return presentSession(updated);
}

/**
 * Cancel (before or after its time), or record that it happened or was missed (once its time has
 * come). Only a scheduled session changes; cancelling tells the member and the coach.
 */
export async function setSessionOutcome({
  db,
  actor,
  id,
  status,
  now = new Date(),
}: Own & {
  id: string;
  status: 'completed' | 'missed' | 'cancelled';
  now?: Date;
}): Promise<CoachingSession> {
  const { session } = await ownScheduledSession(db, actor, id);
  if (session.status !== 'scheduled') throw conflict(`This session is already ${session.status}`);
  if (status !== 'cancelled' && session.scheduledAt.getTime() > now.getTime()) {
    throw conflict('A session can be marked completed or missed once its time has come');
  }
  await db.transaction(async (tx) => {
    const rows = await tx
      .update(coachingSessions)
      .set({ status, updatedAt: now })
      .where(and(eq(coachingSessions.id, id), eq(coachingSessions.status, 'scheduled')))
      .returning();
    const row = rows[0];
    if (!row) throw conflict('This session was changed meanwhile');
    if (status === 'cancelled') await notifyBoth(tx, row, 'cancelled', 'once');
  });
  const updated = await sessionById(db, id);
  if (!updated) throw notFound();
  return presentSession(updated);
}
