import { and, asc, eq, gt } from 'drizzle-orm';
import type { z } from 'zod';
import type { eventRsvpsExportSchema } from '../../../shared/contracts/events.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { eventRsvps, events } from '../../db/schema/events.ts';
import { isoOrNull } from '../../lib/dates.ts';
import type { PersonalData } from '../../lib/feature.ts';
import { givePlaceBack } from './events.rsvp.ts';

/** What events add to "my data": every answer I gave, and on deletion every answer erased. */

export async function exportEventRsvps(tx: Db, me: string): Promise<z.infer<typeof eventRsvpsExportSchema>> {
  const rows = await tx
    .select({ rsvp: eventRsvps, event: { id: events.id, title: events.title, startsAt: events.startsAt, status: events.status } })
    .from(eventRsvps)
    .innerJoin(events, eq(events.id, eventRsvps.eventId))
    .where(eq(eventRsvps.personId, me))
    .orderBy(asc(events.startsAt));
  return rows.map(({ rsvp, event }) => ({
    event: { id: event.id, title: event.title, startsAt: event.startsAt.toISOString(), status: event.status },
    status: rsvp.status,
    waitlistedAt: isoOrNull(rsvp.waitlistedAt),
    promotedAt: isoOrNull(rsvp.promotedAt),
    reminded24hAt: isoOrNull(rsvp.reminded24hAt),
    reminded1hAt: isoOrNull(rsvp.reminded1hAt),
    createdAt: rsvp.createdAt.toISOString(),
    updatedAt: rsvp.updatedAt.toISOString(),
  }));
}

/**
 * Erases every answer of mine. A place I held at an event still to come is given back first, so the
 * next person waiting gets it (and is told) in the deletion's transaction.
 */
export async function eraseEventRsvps(ctx: Pick<AppContext, 'mailer' | 'config'>, tx: Db, me: string, now = new Date()): Promise<number> {
  const holding = await tx
    .select({ eventId: eventRsvps.eventId })
    .from(eventRsvps)
    .innerJoin(events, eq(events.id, eventRsvps.eventId))
    .where(and(eq(eventRsvps.personId, me), eq(eventRsvps.status, 'going'), eq(events.status, 'scheduled'), gt(events.endsAt, now)))
    .orderBy(asc(eventRsvps.eventId));
  const ctxWithDb = { ...ctx, db: tx };
  for (const { eventId } of holding) {
    await tx.delete(eventRsvps).where(and(eq(eventRsvps.eventId, eventId), eq(eventRsvps.personId, me)));
    await givePlaceBack(ctxWithDb, tx, eventId, now);
  }
  const rest = await tx.delete(eventRsvps).where(eq(eventRsvps.personId, me)).returning({ id: eventRsvps.id });
  return holding.length + rest.length;
}

/** Events' part of "my data" (lib/feature.ts): my answers; a place I held goes to the next person waiting. */
export const eventsMyData: PersonalData = {
  tables: [eventRsvps],
  export: async (tx, { id }) => ({ eventRsvps: await exportEventRsvps(tx, id) }),
  erase: async ({ tx, ctx, subject }) => [{ what: 'event answers', count: await eraseEventRsvps(ctx, tx, subject.id) }],
};
