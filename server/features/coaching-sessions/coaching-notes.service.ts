import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { DateTime } from 'luxon';
import {
  COACHING_SESSION_LIMITS,
  type CreateNote,
  type NoteList,
  type Referral,
  type ReferralStatus,
  type SessionNote,
} from '../../../shared/contracts/coaching-sessions.ts';
import { LIMITS } from '../../../shared/limits.ts';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema/auth.ts';
import { coachingSessions, referrals, sessionNotes } from '../../db/schema/coaching-sessions.ts';
import { profiles } from '../../db/schema/profile.ts';
import { badRequest, conflict, notFound } from '../../lib/app-error.ts';
import { isUniqueViolation } from '../../lib/db-errors.ts';
import { onlyRow } from '../../lib/rows.ts';
import type { Actor, Own } from '../../plugins/session.ts';
import { authorizedRelationship, authorizeNotesRead, logNoteReview, notePolicy, viewerOf } from './coaching-sessions.policy.ts';

const L = COACHING_SESSION_LIMITS;
const authorProfile = alias(profiles, 'note_author_profile');
const memberProfile = alias(profiles, 'note_member_profile');
const signerProfile = alias(profiles, 'note_signer_profile');
const returnerProfile = alias(profiles, 'note_returner_profile');

type NoteRow = typeof sessionNotes.$inferSelect;
interface Aliases {
  authorAlias: string | null;
  memberAlias: string | null;
  signerAlias: string | null;
  returnerAlias: string | null;
}

function selectNotes(db: Db) {
  return db
    .select({
      note: sessionNotes,
      authorAlias: authorProfile.alias,
      memberAlias: memberProfile.alias,
      signerAlias: signerProfile.alias,
      returnerAlias: returnerProfile.alias,
    })
    .from(sessionNotes)
    .leftJoin(authorProfile, eq(authorProfile.userId, sessionNotes.authorId))
    .leftJoin(memberProfile, eq(memberProfile.userId, sessionNotes.memberId))
    .leftJoin(signerProfile, eq(signerProfile.userId, sessionNotes.signedOffBy))
    .leftJoin(returnerProfile, eq(returnerProfile.userId, sessionNotes.returnedBy));
}

export function presentReferral(row: typeof referrals.$inferSelect): Referral {
  return {
    id: row.id,
    relationshipId: row.relationshipId,
    noteId: row.noteId,
    service: row.service,
    reason: row.reason,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    closedAt: row.closedAt ? row.closedAt.toISOString() : null,
  };
}

/**
 * Notes with their referrals, in the order given. `forMember`: the member's own view, where a note
 * returned for changes is simply awaiting sign-off and the supervisor's comment is not shown.
 */
async function present(db: Db, rows: ({ note: NoteRow } & Aliases)[], forMember = false): Promise<SessionNote[]> {
  const ids = rows.map((row) => row.note.id);
  const referralRows = ids.length
    ? await db.select().from(referrals).where(inArray(referrals.noteId, ids)).orderBy(asc(referrals.createdAt), asc(referrals.id))
    : [];
  return rows.map(({ note, authorAlias, memberAlias, signerAlias, returnerAlias }) => ({
    id: note.id,
    relationshipId: note.relationshipId,
    sessionId: note.sessionId,
    author: { id: note.authorId, alias: authorAlias ?? '' },
    member: { id: note.memberId, alias: memberAlias ?? '' },
    occurredOn: note.occurredOn,
    durationMinutes: note.durationMinutes,
    contactType: note.contactType,
    lifeDomains: note.lifeDomains,
    goalsMoved: note.goalsMoved,
    summary: note.summary,
    nextSteps: note.nextSteps,
    referrals: referralRows.filter((r) => r.noteId === note.id).map(presentReferral),
    signedOff:
      note.signedOffAt && note.signedOffBy
        ? { by: { id: note.signedOffBy, alias: signerAlias ?? '' }, at: note.signedOffAt.toISOString() }
        : null,
    status: note.signedOffAt ? 'signed_off' : note.returnedAt && !forMember ? 'returned' : 'awaiting_sign_off',
    returned:
      note.returnedAt && !forMember
        ? {
            by: { id: note.returnedBy ?? '', alias: returnerAlias ?? '' },
            at: note.returnedAt.toISOString(),
            comment: note.returnComment ?? '',
          }
        : null,
    revision: note.revision,
    corrected: note.correctedAt ? { at: note.correctedAt.toISOString() } : null,
    createdAt: note.createdAt.toISOString(),
    updatedAt: note.updatedAt.toISOString(),
  }));
}

/** Every note about a member, oldest first (their export). */
export async function notesAbout(db: Db, memberId: string): Promise<SessionNote[]> {
  const rows = await selectNotes(db)
    .where(eq(sessionNotes.memberId, memberId))
    .orderBy(asc(sessionNotes.occurredOn), asc(sessionNotes.createdAt));
  return present(db, rows, true);
}

/** One note as its coach or a supervisor sees it. */
export async function noteById(db: Db, id: string): Promise<SessionNote | null> {
  const rows = await selectNotes(db).where(eq(sessionNotes.id, id)).limit(1);
  return (await present(db, rows))[0] ?? null;
}

/**
 * The latest day a note may be dated: today in the latest time zone on Earth (UTC+14). The form
 * proposes "today" from the device's clock, and a coach's device is often in another zone than their
 * profile (travel, a phone set to home time), so checking against the profile's zone refused honest
 * notes written in the evening. No device anywhere is past this day, and it still refuses what the rule
 * is for: a mistyped day, month or year beyond anyone's today.
 */
export const LATEST_ZONE = 'Etc/GMT-14';
export function latestToday(now: Date): string {
  return DateTime.fromJSDate(now, { zone: LATEST_ZONE }).toISODate() as string;
}

export function checkDate(occurredOn: string, now: Date) {
  if (occurredOn > latestToday(now))
    throw badRequest('The contact cannot be in the future', [{ path: 'body.occurredOn', message: 'Choose today or an earlier day' }]);
}

// ---------------------------------------------------------------------------------------------
// Writing (the relationship's coach)

export async function createNote({
  db,
  actor,
  relationshipId,
  input,
  now = new Date(),
}: Own & {
  relationshipId: string;
  input: CreateNote;
  now?: Date;
}): Promise<SessionNote> {
  // The coach writes once the member has accepted (active or paused) and until the relationship ends.
  const rel = await authorizedRelationship(db, actor, relationshipId, 'write');
  checkDate(input.occurredOn, now);
  if (input.sessionId) {
    const [session] = await db
      .select({ relationshipId: coachingSessions.relationshipId, status: coachingSessions.status })
      .from(coachingSessions)
      .where(eq(coachingSessions.id, input.sessionId))
      .limit(1);
    if (!session || session.relationshipId !== rel.id) {
      throw badRequest('No such session in this relationship', [
        { path: 'body.sessionId', message: 'Choose a session of this relationship' },
      ]);
    }
    if (session.status === 'cancelled') throw conflict('A cancelled session has no note');
  }
  let id: string;
  try {
    id = await db.transaction(async (tx) => {
      const note = onlyRow(
        await tx
          .insert(sessionNotes)
          .values({
            sessionId: input.sessionId ?? null,
            relationshipId: rel.id,
            authorId: actor.userId,
            memberId: rel.memberId,
            occurredOn: input.occurredOn,
            durationMinutes: input.durationMinutes,
            contactType: input.contactType,
            lifeDomains: input.lifeDomains,
            goalsMoved: input.goalsMoved,
            summary: input.summary,
            nextSteps: input.nextSteps,
          })
          .returning({ id: sessionNotes.id }),
      );
      const made = input.referrals ?? [];
      if (made.length > 0) {
        await tx.insert(referrals).values(
          // A millisecond apart: the list keeps the order the coach wrote them in.
          made.map((r, index) => ({
            createdAt: new Date(now.getTime() + index),
            relationshipId: rel.id,
            noteId: note.id,
            coachId: actor.userId,
            memberId: rel.memberId,
            service: r.service,
            reason: r.reason || null,
          })),
        );
      }
      return note.id;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'session_notes_session_unique')) throw conflict('This session already has a note');
    throw error;
  }
  const note = await noteById(db, id);
  if (!note) throw notFound();
  return note;
}

// ---------------------------------------------------------------------------------------------
// Reading

/** Every note of a relationship, newest first: the member, the coach while open, reviewers (logged). */
export async function listRelationshipNotes({
  db,
  actor,
  relationshipId,
}: Own & {
  relationshipId: string;
}): Promise<NoteList> {
  const rel = await authorizeNotesRead(db, actor, relationshipId);
  const rows = await selectNotes(db)
    .where(eq(sessionNotes.relationshipId, rel.id))
    .orderBy(desc(sessionNotes.occurredOn), desc(sessionNotes.createdAt))
    .limit(L.listMax);
  return { notes: await present(db, rows, viewerOf(actor, rel) === 'member') };
}

/**
 * Notes no one has signed off yet, oldest first, for a supervisor's review; a note returned to its
 * coach leaves the list until the coach resubmits it. Showing them is reading
 * notes about each member listed, so each member shown gets one access-log row. Notes about
 * disabled or deleted accounts are left out, like every other record of theirs.
 */
export async function listNotesAwaitingSignOff({ db, actor }: { db: Db; actor: Actor }): Promise<NoteList> {
  const rows = await selectNotes(db)
    .innerJoin(users, eq(users.id, sessionNotes.memberId))
    .where(and(isNull(sessionNotes.signedOffAt), isNull(sessionNotes.returnedAt), eq(users.status, 'active')))
    .orderBy(asc(sessionNotes.createdAt), asc(sessionNotes.id))
    .limit(LIMITS.pageSize);
  for (const memberId of new Set(rows.map((row) => row.note.memberId))) await logNoteReview(db, actor, memberId);
  return { notes: await present(db, rows) };
}

export async function signOffNote({
  db,
  actor,
  id,
  now = new Date(),
}: Own & {
  id: string;
  now?: Date;
}): Promise<SessionNote> {
  const note = await noteUnderReview(db, id);
  notePolicy.authorize(actor, 'signOff', note);
  if (note.signedOffAt) throw conflict('This note is already signed off').withKey('notes.alreadySignedOff');
  if (note.returnedAt) throw conflict('This note is back with its coach for changes').withKey('notes.withCoach');
  const rows = await db
    .update(sessionNotes)
    .set({ signedOffBy: actor.userId, signedOffAt: now })
    .where(and(eq(sessionNotes.id, id), isNull(sessionNotes.signedOffAt), isNull(sessionNotes.returnedAt)))
    .returning({ id: sessionNotes.id });
  if (rows.length === 0) throw conflict('This note is already signed off').withKey('notes.alreadySignedOff');
  await logNoteReview(db, actor, note.memberId);
  const signed = await noteById(db, id);
  if (!signed) throw notFound();
  return signed;
}

// ---------------------------------------------------------------------------------------------
// Referrals

export async function listRelationshipReferrals({ db, actor, relationshipId }: { db: Db; actor: Actor; relationshipId: string }) {
  const rel = await authorizeNotesRead(db, actor, relationshipId);
  const rows = await db
    .select()
    .from(referrals)
    .where(eq(referrals.relationshipId, rel.id))
    .orderBy(desc(referrals.createdAt), desc(referrals.id))
    .limit(L.listMax);
  return { referrals: rows.map(presentReferral) };
}

/** The coach records how a referral went; any status but open closes it (with its time). */
export async function updateReferral({
  db,
  actor,
  id,
  status,
  now = new Date(),
}: Own & {
  id: string;
  status: ReferralStatus;
  now?: Date;
}): Promise<Referral> {
  const [referral] = await db.select().from(referrals).where(eq(referrals.id, id)).limit(1);
  if (!referral) throw notFound();
  await authorizedRelationship(db, actor, referral.relationshipId, 'write');
  const row = onlyRow(
    await db
      .update(referrals)
      .set({ status, closedAt: status === 'open' ? null : now })
      .where(eq(referrals.id, id))
      .returning(),
  );
  return presentReferral(row);
}

/** A note as a supervisor reviews it (sign off or return): who wrote it, about whom, and where it stands. */
export async function noteUnderReview(db: Db, id: string) {
  const [note] = await db
    .select({
      id: sessionNotes.id,
      authorId: sessionNotes.authorId,
      memberId: sessionNotes.memberId,
      relationshipId: sessionNotes.relationshipId,
      occurredOn: sessionNotes.occurredOn,
      signedOffAt: sessionNotes.signedOffAt,
      returnedAt: sessionNotes.returnedAt,
      revision: sessionNotes.revision,
      memberStatus: users.status,
    })
    .from(sessionNotes)
    .innerJoin(users, eq(users.id, sessionNotes.memberId))
    .where(eq(sessionNotes.id, id))
    .limit(1);
  if (!note) throw notFound();
  return { ...note, memberActive: note.memberStatus === 'active' };
}
