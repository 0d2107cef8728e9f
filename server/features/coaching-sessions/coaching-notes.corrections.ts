import { and, desc, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  COACHING_SESSION_LIMITS,
  EMPTY_NOTE_MESSAGE,
  type NoteRevisionList,
  noteHasContent,
  type SessionNote,
  type UpdateNote,
} from '../../../shared/contracts/coaching-sessions.ts';
import { referrals, sessionNoteRevisions, sessionNotes } from '../../db/schema/coaching-sessions.ts';
import { profiles } from '../../db/schema/profile.ts';
import { badRequest, conflict, notFound } from '../../lib/app-error.ts';
import type { Own } from '../../plugins/session.ts';
import { messageLanguage, notifyOnce } from '../notifications/notifications.public.ts';
import { checkDate, noteById, noteUnderReview } from './coaching-notes.service.ts';
import { authorizedRelationship, authorizeNotesRead, logNoteReview, notePolicy } from './coaching-sessions.policy.ts';
import { noteReturnedMessage } from './coaching-sessions.wording.ts';

/**
 * Correcting a note and returning one for changes. A correction never overwrites: the text it
 * replaces, with the sign-off it had, is kept in session_note_revisions. A signed-off note can still
 * be corrected, with a reason; it is then marked corrected and goes back for sign-off, since nobody
 * has signed the new text. A supervisor may return an unsigned note with a comment; the coach's next
 * correction resubmits it.
 */

/** The author corrects their note (while the relationship is theirs to write in). */
export async function updateNote({
  db,
  actor,
  id,
  changes,
  now = new Date(),
}: Own & {
  id: string;
  changes: UpdateNote;
  now?: Date;
}): Promise<SessionNote> {
  const [found] = await db.select().from(sessionNotes).where(eq(sessionNotes.id, id)).limit(1);
  if (!found || found.authorId !== actor.userId) throw notFound();
  await authorizedRelationship(db, actor, found.relationshipId, 'write');
  if (changes.occurredOn) checkDate(changes.occurredOn, now);
  const { reason, ...fields } = changes;
  await db.transaction(async (tx) => {
    // The row lock orders a correction against a sign-off or a return made at the same moment.
    const [note] = await tx.select().from(sessionNotes).where(eq(sessionNotes.id, id)).for('update');
    if (!note) throw notFound();
    if (note.signedOffAt && !reason) {
      throw badRequest('Say why you correct a signed-off note', [
        { path: 'body.reason', message: 'Say what was wrong', key: 'notes.reasonNeeded' },
      ]).withKey('notes.reasonNeeded');
    }
    const next = { ...note, ...fields };
    const noteReferrals = await tx.select({ id: referrals.id }).from(referrals).where(eq(referrals.noteId, id)).limit(1);
    if (!noteHasContent({ ...next, referrals: noteReferrals })) {
      throw badRequest(EMPTY_NOTE_MESSAGE, [{ path: 'body.summary', message: EMPTY_NOTE_MESSAGE, key: 'notes.empty' }]).withKey(
        'notes.empty',
      );
    }
    await tx.insert(sessionNoteRevisions).values({
      noteId: note.id,
      revision: note.revision,
      occurredOn: note.occurredOn,
      durationMinutes: note.durationMinutes,
      contactType: note.contactType,
      lifeDomains: note.lifeDomains,
      goalsMoved: note.goalsMoved,
      summary: note.summary,
      nextSteps: note.nextSteps,
      signedOffBy: note.signedOffBy,
      signedOffAt: note.signedOffAt,
      replacedBy: actor.userId,
      replacedAt: now,
      reason: reason ?? null,
    });
    await tx
      .update(sessionNotes)
      .set({
        ...fields,
        revision: note.revision + 1,
        updatedAt: now,
        // Resubmitted: back in the supervisors' queue.
        returnedBy: null,
        returnedAt: null,
        returnComment: null,
        ...(note.signedOffAt ? { signedOffBy: null, signedOffAt: null, correctedAt: now } : {}),
      })
      .where(eq(sessionNotes.id, id));
  });
  const updated = await noteById(db, id);
  if (!updated) throw notFound();
  return updated;
}

/** A supervisor sends an unsigned note back to its author with what to change; the author is told. */
export async function returnNote({
  db,
  actor,
  id,
  comment,
  now = new Date(),
}: Own & {
  id: string;
  comment: string;
  now?: Date;
}): Promise<SessionNote> {
  const note = await noteUnderReview(db, id);
  notePolicy.authorize(actor, 'return', note);
  if (note.signedOffAt) throw conflict('A signed-off note cannot be returned').withKey('notes.signedOffNotReturned');
  if (note.returnedAt) throw conflict('This note is already back with its coach').withKey('notes.alreadyReturned');
  await db.transaction(async (tx) => {
    const rows = await tx
      .update(sessionNotes)
      .set({ returnedBy: actor.userId, returnedAt: now, returnComment: comment })
      .where(and(eq(sessionNotes.id, id), isNull(sessionNotes.signedOffAt), isNull(sessionNotes.returnedAt)))
      .returning({ id: sessionNotes.id });
    if (rows.length === 0) throw conflict('This note was signed off or returned a moment ago').withKey('notes.justChanged');
    const [author] = await tx.select({ languages: profiles.languages }).from(profiles).where(eq(profiles.userId, note.authorId));
    // The notice names the day only: the comment is for the note's page, not a lock screen.
    await notifyOnce(tx, {
      userId: note.authorId,
      kind: 'coaching_session',
      ...noteReturnedMessage(messageLanguage(author?.languages ?? []), note.occurredOn),
      link: `/coaching/relationships/${note.relationshipId}`,
      dedupeKey: `note_returned:${note.id}:${note.revision}`,
      message: { key: 'note_returned', params: { day: note.occurredOn } },
    });
  });
  await logNoteReview(db, actor, note.memberId);
  const returned = await noteById(db, id);
  if (!returned) throw notFound();
  return returned;
}

const replacerProfile = alias(profiles, 'revision_replacer_profile');
const signerProfile = alias(profiles, 'revision_signer_profile');

/** Earlier texts of a note, newest first: for whoever may read the note (a supervisor's read is logged). */
export async function listNoteRevisions({ db, actor, id }: Own & { id: string }): Promise<NoteRevisionList> {
  const [note] = await db.select({ relationshipId: sessionNotes.relationshipId }).from(sessionNotes).where(eq(sessionNotes.id, id));
  if (!note) throw notFound();
  await authorizeNotesRead(db, actor, note.relationshipId);
  const rows = await db
    .select({ revision: sessionNoteRevisions, replacerAlias: replacerProfile.alias, signerAlias: signerProfile.alias })
    .from(sessionNoteRevisions)
    .leftJoin(replacerProfile, eq(replacerProfile.userId, sessionNoteRevisions.replacedBy))
    .leftJoin(signerProfile, eq(signerProfile.userId, sessionNoteRevisions.signedOffBy))
    .where(eq(sessionNoteRevisions.noteId, id))
    .orderBy(desc(sessionNoteRevisions.revision))
    .limit(COACHING_SESSION_LIMITS.revisionsMax);
  return {
    revisions: rows.map(({ revision: r, replacerAlias, signerAlias }) => ({
      revision: r.revision,
      occurredOn: r.occurredOn,
      durationMinutes: r.durationMinutes,
      contactType: r.contactType,
      lifeDomains: r.lifeDomains,
      goalsMoved: r.goalsMoved,
      summary: r.summary,
      nextSteps: r.nextSteps,
      signedOff:
        r.signedOffAt && r.signedOffBy ? { by: { id: r.signedOffBy, alias: signerAlias ?? '' }, at: r.signedOffAt.toISOString() } : null,
      replaced: {
        by: r.replacedBy ? { id: r.replacedBy, alias: replacerAlias ?? '' } : null,
        at: r.replacedAt.toISOString(),
        reason: r.reason,
      },
    })),
  };
}
