import { and, asc, eq, inArray } from 'drizzle-orm';
import type { CoachingExport } from '../../../shared/contracts/coaching.ts';
import { OPEN_STATUSES, SEAT_STATUSES } from '../../../shared/contracts/coaching-base.ts';
import type { Db, Tx } from '../../db/client.ts';
import { coachingRelationshipEvents, coachingRelationships, coachProfiles } from '../../db/schema/coaching.ts';
import { iso, isoOrNull } from '../../lib/dates.ts';
import type { PersonalData } from '../../lib/feature.ts';
import { cancelBookedSessions } from '../coaching-sessions/coaching-sessions.public.ts';
import { aliasesOf, freeSeat, historyOf, recordEvent, refOf } from './coaching.relationships.ts';

/** "My data" for coaching: what the export includes and what deleting an account erases. */

export async function exportCoaching(tx: Db, me: string): Promise<CoachingExport> {
  const rows = await tx
    .select()
    .from(coachingRelationships)
    .where(eq(coachingRelationships.memberId, me))
    .orderBy(asc(coachingRelationships.requestedAt));
  const [aliases, history] = await Promise.all([
    aliasesOf(
      tx,
      rows.map((r) => r.coachId),
    ),
    historyOf(
      tx,
      rows.map((r) => r.id),
    ),
  ]);
  const [profile] = await tx.select().from(coachProfiles).where(eq(coachProfiles.userId, me));
  return {
    relationships: rows.map((row) => ({
      id: row.id,
      status: row.status,
      coach: row.coachId && row.proposedAt ? refOf(aliases, row.coachId) : null,
      preferences: row.preferences,
      intakeNote: row.intakeNote,
      requestedAt: iso(row.requestedAt),
      proposedAt: isoOrNull(row.proposedAt),
      startedAt: isoOrNull(row.startedAt),
      endedAt: isoOrNull(row.endedAt),
      endReason: row.endReason,
      history: history.get(row.id) ?? [],
    })),
    coachProfile: profile
      ? {
          userId: profile.userId,
          livedExperience: profile.livedExperience,
          pathways: profile.pathways as NonNullable<CoachingExport['coachProfile']>['pathways'],
          specialties: profile.specialties as NonNullable<CoachingExport['coachProfile']>['specialties'],
          languages: profile.languages,
          gender: profile.gender,
          timezone: profile.timezone,
          availability: profile.availability,
          maxCaseload: profile.maxCaseload,
          seatsTaken: profile.seatsTaken,
          certification: profile.certification,
          accepting: profile.accepting,
          updatedAt: iso(profile.updatedAt),
        }
      : null,
  };
}

/**
 * Erases a member's coaching requests and relationships (their history, sessions and notes go with
 * them), giving back the seats they held; and a coach's profile, closing the relationships they
 * still coach so those members can ask for someone new. Runs inside the account deletion transaction.
 */
export async function eraseCoaching(tx: Tx, me: string): Promise<{ relationships: number; coachProfile: number; closed: number }> {
  const mine = await tx
    .select({ id: coachingRelationships.id, status: coachingRelationships.status, coachId: coachingRelationships.coachId })
    .from(coachingRelationships)
    .where(eq(coachingRelationships.memberId, me))
    .for('update');
  for (const row of mine) if (SEAT_STATUSES.includes(row.status)) await freeSeat(tx, row.coachId);
  const deleted = await tx
    .delete(coachingRelationships)
    .where(eq(coachingRelationships.memberId, me))
    .returning({ id: coachingRelationships.id });

  const coached = await tx
    .select({ id: coachingRelationships.id, status: coachingRelationships.status })
    .from(coachingRelationships)
    .where(and(eq(coachingRelationships.coachId, me), inArray(coachingRelationships.status, [...OPEN_STATUSES])))
    .for('update');
  const reason = 'The coach left Kinship';
  for (const row of coached) {
    await tx
      .update(coachingRelationships)
      .set({ status: 'closed', endedAt: new Date(), endReason: reason, updatedAt: new Date() })
      .where(eq(coachingRelationships.id, row.id));
    await recordEvent(tx, { relationshipId: row.id, actorId: null, fromStatus: row.status, toStatus: 'closed', reason });
    await cancelBookedSessions(tx, row.id);
  }
  const profile = await tx.delete(coachProfiles).where(eq(coachProfiles.userId, me)).returning({ id: coachProfiles.userId });
  return { relationships: deleted.length, coachProfile: profile.length, closed: coached.length };
}

/** Coaching's part of "my data" (lib/feature.ts). */
export const coachingMyData: PersonalData = {
  tables: [coachingRelationships, coachingRelationshipEvents, coachProfiles],
  export: async (tx, { id }) => ({ coaching: await exportCoaching(tx, id) }),
  async erase({ tx, subject }) {
    const gone = await eraseCoaching(tx, subject.id);
    return [
      { what: 'coaching requests and relationships', count: gone.relationships },
      { what: 'coach profile', count: gone.coachProfile },
    ];
  },
};
