import { eq, sql } from 'drizzle-orm';
import type { RelationshipStatus } from '../../shared/contracts/coaching-base.ts';
import type { Scope } from '../../shared/contracts/consent.ts';
import { coachingRelationships, coachProfiles } from '../db/schema/coaching.ts';
import { consentGrants } from '../db/schema/consent.ts';
import { onlyRow } from '../lib/rows.ts';
import type { TestApp } from './harness.ts';

/**
 * A coaching relationship made directly in the database, as if the member had asked, a supervisor had
 * matched and the member had accepted granting `scopes`. For suites about what comes after matching
 * (sessions, caseload, messages); the matching suite goes through HTTP instead.
 */
export async function buildCoachingRelationship(
  t: TestApp,
  options: { coachId: string; memberId: string; scopes: Scope[]; status?: RelationshipStatus; maxCaseload?: number },
): Promise<{ id: string; grantId: string | null }> {
  const db = t.database.db;
  const status = options.status ?? 'active';
  await db
    .insert(coachProfiles)
    .values({ userId: options.coachId, timezone: 'America/Chicago', maxCaseload: options.maxCaseload ?? 60, languages: ['en'] })
    .onConflictDoNothing();
  let grantId: string | null = null;
  if (options.scopes.length > 0 && (status === 'active' || status === 'paused')) {
    const grant = onlyRow(
      await db
        .insert(consentGrants)
        .values({ grantorId: options.memberId, granteeId: options.coachId, scopes: options.scopes, purpose: 'Peer coaching' })
        .returning({ id: consentGrants.id }),
    );
    grantId = grant.id;
  }
  const now = new Date();
  const row = onlyRow(
    await db
      .insert(coachingRelationships)
      .values({
        memberId: options.memberId,
        coachId: options.coachId,
        status,
        preferences: { gender: null, language: null, pathway: null, specialties: null, times: null, timezone: 'America/Chicago' },
        grantId,
        proposedAt: now,
        startedAt: status === 'active' || status === 'paused' ? now : null,
      })
      .returning({ id: coachingRelationships.id }),
  );
  if (['proposed', 'active', 'paused'].includes(status)) {
    await db
      .update(coachProfiles)
      .set({ seatsTaken: sql`${coachProfiles.seatsTaken} + 1` })
      .where(eq(coachProfiles.userId, options.coachId));
  }
  return { id: row.id, grantId };
}
