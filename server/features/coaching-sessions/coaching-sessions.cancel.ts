import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { coachingSessions } from '../../db/schema/coaching-sessions.ts';

/**
 * Cancels the sessions still booked in a relationship that ends (closed, transferred, or its coach's
 * account deleted): nobody is reminded of a meeting that will not happen, and the former coach's
 * upcoming list no longer shows the member. Runs in the transaction that ends the relationship.
 */
export async function cancelBookedSessions(tx: Tx, relationshipId: string) {
  await tx
    .update(coachingSessions)
    .set({ status: 'cancelled', updatedAt: sql`now()` })
    .where(and(eq(coachingSessions.relationshipId, relationshipId), eq(coachingSessions.status, 'scheduled')));
}
