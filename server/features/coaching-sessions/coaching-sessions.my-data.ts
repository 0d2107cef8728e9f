import { asc, eq, inArray } from 'drizzle-orm';
import type { CoachingSessionsExport } from '../../../shared/contracts/coaching-sessions.ts';
import type { Db } from '../../db/client.ts';
import { coachingSessions, referrals, sessionNoteRevisions, sessionNotes } from '../../db/schema/coaching-sessions.ts';
import { profiles } from '../../db/schema/profile.ts';
import type { PersonalData } from '../../lib/feature.ts';
import { notesAbout, presentReferral } from './coaching-notes.service.ts';

/** "My data" for coaching sessions: what the member's export includes and what deleting an account erases. */

export async function exportCoachingSessions(tx: Db, me: string): Promise<CoachingSessionsExport> {
  const sessionRows = await tx
    .select()
    .from(coachingSessions)
    .where(eq(coachingSessions.memberId, me))
    .orderBy(asc(coachingSessions.scheduledAt));
  const people = [...new Set([me, ...sessionRows.map((s) => s.coachId)])];
  const aliases = new Map(
    (await tx.select({ id: profiles.userId, alias: profiles.alias }).from(profiles).where(inArray(profiles.userId, people))).map((p) => [
      p.id,
      p.alias,
    ]),
  );
  const referralRows = await tx.select().from(referrals).where(eq(referrals.memberId, me)).orderBy(asc(referrals.createdAt));
  return {
    sessions: sessionRows.map((s) => ({
      id: s.id,
      relationshipId: s.relationshipId,
      coach: { id: s.coachId, alias: aliases.get(s.coachId) ?? '' },
      member: { id: me, alias: aliases.get(me) ?? '' },
      scheduledAt: s.scheduledAt.toISOString(),
      durationMinutes: s.durationMinutes,
      contactType: s.contactType,
      location: s.location,
      videoUrl: s.videoUrl,
      status: s.status,
      createdAt: s.createdAt.toISOString(),
      updatedAt: s.updatedAt.toISOString(),
    })),
    notes: await notesAbout(tx, me),
    referrals: referralRows.map(presentReferral),
  };
}

/**
 * Erases a deleting member's sessions, every note about them and the referrals made for them. The
 * notes are the coach's writing, but they are about the member and nobody else: what they hold
 * (life domains, goals, referrals, what was said) is the member's recovery record, which deletion
 * promises to erase. The organization keeps no clinical record in Kinship, so nothing requires
 * keeping them once the member leaves. Runs before the relationships are erased (which would take
 * these rows with them) so the receipt can count them.
 */
export async function eraseCoachingSessions(tx: Db, me: string): Promise<{ sessions: number; notes: number; referrals: number }> {
  const gone = {
    referrals: (await tx.delete(referrals).where(eq(referrals.memberId, me)).returning({ id: referrals.id })).length,
    notes: (await tx.delete(sessionNotes).where(eq(sessionNotes.memberId, me)).returning({ id: sessionNotes.id })).length,
    sessions: (await tx.delete(coachingSessions).where(eq(coachingSessions.memberId, me)).returning({ id: coachingSessions.id })).length,
  };
  return gone;
}

/** Coaching sessions' part of "my data" (lib/feature.ts): erased before the relationships they hang on. */
export const coachingSessionsMyData: PersonalData = {
  // Revisions go with their note (ON DELETE CASCADE).
  tables: [coachingSessions, sessionNotes, sessionNoteRevisions, referrals],
  export: async (tx, { id }) => ({ coachingSessions: await exportCoachingSessions(tx, id) }),
  async erase({ tx, subject }) {
    const gone = await eraseCoachingSessions(tx, subject.id);
    return [
      { what: 'coaching sessions', count: gone.sessions },
      { what: 'coaching notes about you', count: gone.notes },
      { what: 'referrals', count: gone.referrals },
    ];
  },
};
