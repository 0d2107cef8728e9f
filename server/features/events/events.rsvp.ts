import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { MyRsvp } from '../../../shared/contracts/events.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { eventRsvps, events } from '../../db/schema/events.ts';
import { conflict, notFound } from '../../lib/app-error.ts';
import { isSqlState } from '../../lib/db-errors.ts';
import type { Actor } from '../../plugins/session.ts';
import { recipients, sendEventNotice } from './events.notify.ts';
import { eventForViewer } from './events.service.ts';

/**
 * Answers and the waitlist.
 *
 * Taking a place is one UPDATE of the event's `going` counter; the CHECK (going ≤ capacity) refuses
 * the one too many, so two people taking the last place at once, on any number of connections, end
 * with one going and one waiting. The UPDATE runs in a savepoint so the refused one carries on as
 * waitlisted in the same transaction.
 *
 * Freeing a place (someone leaves, capacity rises, an account is erased) locks the event row first
 * and promotes the first waiting person (by waitlisted_at, then id) in the same transaction, with a
 * notice to them. The lock serializes the places that free up, so two people leaving at once promote
 * two different people. Lock order everywhere: the person's own answer, then the event, then the
 * answer being promoted.
 */

type Ctx = Pick<AppContext, 'db' | 'mailer' | 'config'>;
type EventRow = typeof events.$inferSelect;

export async function lockEvent(tx: Db, id: string): Promise<EventRow> {
  const [row] = await tx.select().from(events).where(eq(events.id, id)).for('update');
  if (!row) throw notFound();
  return row;
}

function checkOpen(event: Pick<EventRow, 'status' | 'startsAt'>, now: Date) {
  if (event.status === 'cancelled') throw conflict('This event is cancelled');
  if (event.startsAt.getTime() <= now.getTime()) throw conflict('This event has already started');
}

/** The person's answer row, made if missing and locked, so one person's two requests run one after the other. */
async function lockOwnAnswer(tx: Db, eventId: string, personId: string, now: Date) {
  await tx.insert(eventRsvps).values({ eventId, personId, status: 'cancelled', createdAt: now, updatedAt: now }).onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(eventRsvps)
    .where(and(eq(eventRsvps.eventId, eventId), eq(eventRsvps.personId, personId)))
    .for('update');
  if (!row) throw notFound();
  return row;
}

/** One more person going, or false when the event is full (the CHECK said no). */
async function takePlace(tx: Db, eventId: string): Promise<boolean> {
  try {
    const rows = await tx.transaction(async (savepoint) =>
      savepoint
        .update(events)
        .set({ going: sql`${events.going} + 1` })
        .where(and(eq(events.id, eventId), eq(events.status, 'scheduled')))
        .returning({ id: events.id }),
    );
    if (rows.length === 0) throw conflict('This event is cancelled');
    return true;
  } catch (error) {
    if (isSqlState(error, '23514')) return false;
    throw error;
  }
}

async function myAnswer(db: Db, actor: Actor, eventId: string): Promise<MyRsvp> {
  const event = await eventForViewer({ db, actor, id: eventId });
  return { status: event.myStatus, waitlistPosition: event.myWaitlistPosition, event };
}

/** "I'm going": a place if one is free, else the end of the waitlist. Answering again changes nothing. */
export async function answerGoing({ ctx, actor, eventId, now = new Date() }: { ctx: Ctx; actor: Actor; eventId: string; now?: Date }) {
  await ctx.db.transaction(async (tx) => {
    const [event] = await tx.select().from(events).where(eq(events.id, eventId));
    if (!event) throw notFound();
    checkOpen(event, now);
    const answer = await lockOwnAnswer(tx, eventId, actor.userId, now);
    if (answer.status === 'going' || answer.status === 'waitlisted') return;
    const placed = await takePlace(tx, eventId);
    await tx
      .update(eventRsvps)
      .set(
        placed
          ? { status: 'going', waitlistedAt: null, promotedAt: null, reminded24hAt: null, reminded1hAt: null, updatedAt: now }
          : { status: 'waitlisted', waitlistedAt: now, promotedAt: null, reminded24hAt: null, reminded1hAt: null, updatedAt: now },
      )
      .where(eq(eventRsvps.id, answer.id));
  });
  return myAnswer(ctx.db, actor, eventId);
}

/** "I can't come": gives the place back (the next person waiting gets it) or leaves the waitlist. */
export async function withdrawAnswer({ ctx, actor, eventId, now = new Date() }: { ctx: Ctx; actor: Actor; eventId: string; now?: Date }) {
  await ctx.db.transaction(async (tx) => {
    const [event] = await tx.select().from(events).where(eq(events.id, eventId));
    if (!event) throw notFound();
    checkOpen(event, now);
    const [answer] = await tx
      .select()
      .from(eventRsvps)
      .where(and(eq(eventRsvps.eventId, eventId), eq(eventRsvps.personId, actor.userId)))
      .for('update');
    if (!answer || answer.status === 'cancelled') return;
    await tx.update(eventRsvps).set({ status: 'cancelled', waitlistedAt: null, updatedAt: now }).where(eq(eventRsvps.id, answer.id));
    if (answer.status === 'going') await givePlaceBack(ctx, tx, eventId, now);
  });
  return myAnswer(ctx.db, actor, eventId);
}

/** One place freed: the counter goes down and the first person waiting moves up. */
export async function givePlaceBack(ctx: Ctx, tx: Db, eventId: string, now: Date) {
  await lockEvent(tx, eventId);
  await tx
    .update(events)
    .set({ going: sql`greatest(${events.going} - 1, 0)` })
    .where(eq(events.id, eventId));
  await promoteWaiting(ctx, tx, eventId, now);
}

/**
 * While places are free, the first person waiting gets one and is told (in-app and email). The caller
 * holds the event's row lock. Nothing moves once the event has started or if it is cancelled.
 */
export async function promoteWaiting(ctx: Ctx, tx: Db, eventId: string, now: Date): Promise<number> {
  let promoted = 0;
  for (;;) {
    const [event] = await tx.select().from(events).where(eq(events.id, eventId));
    if (event?.status !== 'scheduled' || event.startsAt.getTime() <= now.getTime()) break;
    if (event.capacity !== null && event.going >= event.capacity) break;
    const [next] = await tx
      .select()
      .from(eventRsvps)
      .where(and(eq(eventRsvps.eventId, eventId), eq(eventRsvps.status, 'waitlisted')))
      .orderBy(asc(eventRsvps.waitlistedAt), asc(eventRsvps.id))
      .limit(1)
      .for('update');
    if (!next) break;
    if (!(await takePlace(tx, eventId))) break;
    await tx
      .update(eventRsvps)
      .set({ status: 'going', promotedAt: now, updatedAt: now, reminded24hAt: null, reminded1hAt: null })
      .where(eq(eventRsvps.id, next.id));
    const [to] = await recipients(tx, [next.personId]);
    if (to) {
      await sendEventNotice(ctx, tx, {
        to,
        notice: 'promoted',
        event,
        dedupeKey: `${next.personId}:event:${eventId}:promoted:${now.getTime()}`,
        email: true,
      });
    }
    promoted += 1;
  }
  return promoted;
}

/** One notice (in-app and email) to each person going or waiting, in the caller's transaction. */
async function noticeToEveryoneAnswered(
  ctx: Ctx,
  tx: Db,
  event: EventRow,
  notice: 'cancelled' | 'changed',
  options: { dedupeSuffix: string; note?: string | null },
) {
  const answers = await tx
    .select({ personId: eventRsvps.personId })
    .from(eventRsvps)
    .where(and(eq(eventRsvps.eventId, event.id), inArray(eventRsvps.status, ['going', 'waitlisted'])));
  for (const to of await recipients(
    tx,
    answers.map((a) => a.personId),
  )) {
    await sendEventNotice(ctx, tx, {
      to,
      notice,
      event,
      note: options.note,
      dedupeKey: `${to.userId}:event:${event.id}:${options.dedupeSuffix}`,
      email: true,
    });
  }
}

/** Everyone going or waiting hears of the cancellation, with the organizers' note (caller's transaction). */
export async function notifyCancellation(ctx: Ctx, tx: Db, event: EventRow) {
  await noticeToEveryoneAnswered(ctx, tx, event, 'cancelled', { dedupeSuffix: 'cancelled', note: event.cancellationNote });
}

/**
 * Everyone going or waiting hears that the time, place or link moved (caller's transaction). Each
 * edit is its own notice, keyed by the moment of the change, so a second move is announced too.
 */
export async function notifyChange(ctx: Ctx, tx: Db, event: EventRow, now: Date) {
  await noticeToEveryoneAnswered(ctx, tx, event, 'changed', { dedupeSuffix: `changed:${now.getTime()}` });
}
