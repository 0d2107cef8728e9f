import { and, asc, eq, gt, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { buddiesExportSchema } from '../../../shared/contracts/buddies.ts';
import type { Db } from '../../db/client.ts';
import { buddyRequests, buddyVolunteers } from '../../db/schema/buddies.ts';
import { meetings } from '../../db/schema/meetings.ts';
import { profiles } from '../../db/schema/profile.ts';
import { isoOrNull } from '../../lib/dates.ts';
import type { PersonalData } from '../../lib/feature.ts';

/**
 * First-meeting buddies in "my data". Export: my volunteer offer, every request I made, and the ones I
 * accepted (the requester's alias, not their note). Deletion: my offer and my requests go; a request I
 * had accepted goes back to open for someone else when its meeting is still ahead, and is marked
 * expired when it is past, so the other member's history no longer points at me. (The account row is
 * kept anonymized, so foreign-key cascades alone would not do this.) The buddy conversations
 * themselves are erased with all my conversations.
 */

const buddyProfile = alias(profiles, 'buddy_export_buddy_profile');
const requesterProfile = alias(profiles, 'buddy_export_requester_profile');

export async function exportBuddies(tx: Db, me: string): Promise<z.infer<typeof buddiesExportSchema>> {
  const [volunteer] = await tx.select().from(buddyVolunteers).where(eq(buddyVolunteers.personId, me));
  const asked = await tx
    .select({
      meeting: meetings.name,
      occursAt: buddyRequests.occursAt,
      note: buddyRequests.note,
      status: buddyRequests.status,
      buddy: buddyProfile.alias,
      createdAt: buddyRequests.createdAt,
    })
    .from(buddyRequests)
    .innerJoin(meetings, eq(meetings.id, buddyRequests.meetingId))
    .leftJoin(buddyProfile, eq(buddyProfile.userId, buddyRequests.buddyId))
    .where(eq(buddyRequests.requesterId, me))
    .orderBy(asc(buddyRequests.createdAt));
  const accompanied = await tx
    .select({
      meeting: meetings.name,
      occursAt: buddyRequests.occursAt,
      requester: requesterProfile.alias,
      matchedAt: buddyRequests.matchedAt,
    })
    .from(buddyRequests)
    .innerJoin(meetings, eq(meetings.id, buddyRequests.meetingId))
    .innerJoin(requesterProfile, eq(requesterProfile.userId, buddyRequests.requesterId))
    .where(eq(buddyRequests.buddyId, me))
    .orderBy(asc(buddyRequests.occursAt));
  return {
    volunteer: volunteer ? { about: volunteer.about, active: volunteer.active, createdAt: volunteer.createdAt.toISOString() } : null,
    asked: asked.map((row) => ({
      ...row,
      occursAt: row.occursAt.toISOString(),
      createdAt: row.createdAt.toISOString(),
      buddy: row.buddy ?? null,
    })),
    accompanied: accompanied.map((row) => ({
      ...row,
      occursAt: row.occursAt.toISOString(),
      matchedAt: isoOrNull(row.matchedAt),
    })),
  };
}

export async function eraseBuddies(tx: Db, me: string, now = new Date()) {
  const volunteer = await tx.delete(buddyVolunteers).where(eq(buddyVolunteers.personId, me)).returning({ id: buddyVolunteers.personId });
  const requests = await tx.delete(buddyRequests).where(eq(buddyRequests.requesterId, me)).returning({ id: buddyRequests.id });
  const release = { buddyId: null, conversationId: null, matchedAt: null, updatedAt: sql`now()` };
  const reopened = await tx
    .update(buddyRequests)
    .set({ ...release, status: 'open' })
    .where(and(eq(buddyRequests.buddyId, me), gt(buddyRequests.occursAt, now)))
    .returning({ id: buddyRequests.id });
  const released = await tx
    .update(buddyRequests)
    .set({ ...release, status: 'expired' })
    .where(and(eq(buddyRequests.buddyId, me), lte(buddyRequests.occursAt, now)))
    .returning({ id: buddyRequests.id });
  return { volunteer: volunteer.length, requests: requests.length, accompanied: reopened.length + released.length };
}

/** First-meeting buddies' part of "my data" (lib/feature.ts). */
export const buddiesMyData: PersonalData = {
  tables: [buddyVolunteers, buddyRequests],
  export: async (tx, { id }) => ({ buddies: await exportBuddies(tx, id) }),
  async erase({ tx, subject }) {
    const gone = await eraseBuddies(tx, subject.id);
    return [
      { what: 'buddy volunteering', count: gone.volunteer },
      { what: 'buddy requests', count: gone.requests },
      { what: 'buddy requests you had accepted (released)', count: gone.accompanied },
    ];
  },
};
