import { and, asc, eq, gt, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { DateTime } from 'luxon';
import { DATE_RANGE, instantInRange } from '../../../shared/contracts/common.ts';
import {
  type AttendeeList,
  type CancelEvent,
  type CreateEvent,
  EVENT_LIMITS,
  type Event,
  type EventPage,
  type MyRsvpStatus,
} from '../../../shared/contracts/events.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { eventRsvps, events } from '../../db/schema/events.ts';
import { profiles } from '../../db/schema/profile.ts';
import { badRequest, conflict, notFound } from '../../lib/app-error.ts';
import { isoOrNull } from '../../lib/dates.ts';
import { onlyRow } from '../../lib/rows.ts';
import type { Actor, Own } from '../../plugins/session.ts';
import { isOrganizer } from './events.policy.ts';
import { lockEvent, notifyCancellation, notifyChange, promoteWaiting } from './events.rsvp.ts';

const L = EVENT_LIMITS;
const DAY_MS = 86_400_000;
const LOCAL_FORMAT = "yyyy-MM-dd'T'HH:mm";
const mine = alias(eventRsvps, 'my_rsvp');
type EventRow = typeof events.$inferSelect;

// ---------------------------------------------------------------------------------------------
// Reading

/** Events with the viewer's own answer, the waiting count and (when waiting) the viewer's place in line. */
function selectEvents(db: Db, me: string) {
  return db
    .select({
      event: events,
      myStatus: mine.status,
      waitlisted: sql<number>`(SELECT count(*)::int FROM ${eventRsvps} w WHERE w.event_id = ${events.id} AND w.status = 'waitlisted')`,
      myPosition: sql<number | null>`CASE WHEN ${mine.status} = 'waitlisted' THEN (
        SELECT count(*)::int FROM ${eventRsvps} w WHERE w.event_id = ${events.id} AND w.status = 'waitlisted'
          AND (w.waitlisted_at, w.id) <= (${mine.waitlistedAt}, ${mine.id})) END`,
    })
    .from(events)
    .leftJoin(mine, and(eq(mine.eventId, events.id), eq(mine.personId, me)));
}

type Selected = { event: EventRow; myStatus: string | null; waitlisted: number; myPosition: number | null };

const localOf = (at: Date, zone: string) => DateTime.fromJSDate(at, { zone }).toFormat(LOCAL_FORMAT);

export function presentEvent(row: Selected, actor: Actor): Event {
  const e = row.event;
  const myStatus: MyRsvpStatus = row.myStatus === 'going' || row.myStatus === 'waitlisted' ? row.myStatus : 'none';
  return {
    id: e.id,
    kind: e.kind,
    title: e.title,
    description: e.description,
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt.toISOString(),
    timezone: e.timezone,
    localStartsAt: localOf(e.startsAt, e.timezone),
    localEndsAt: localOf(e.endsAt, e.timezone),
    location: e.location,
    address: e.address,
    conferenceUrl: e.conferenceUrl,
    capacity: e.capacity,
    going: e.going,
    placesLeft: e.capacity === null ? null : Math.max(0, e.capacity - e.going),
    waitlisted: Number(row.waitlisted),
    status: e.status,
    cancellationNote: e.cancellationNote,
    cancelledAt: isoOrNull(e.cancelledAt),
    myStatus,
    myWaitlistPosition: myStatus === 'waitlisted' && row.myPosition !== null ? Number(row.myPosition) : null,
    canManage: isOrganizer(actor),
  };
}

export async function eventForViewer({ db, actor, id }: Own & { id: string }): Promise<Event> {
  const [row] = await selectEvents(db, actor.userId).where(eq(events.id, id)).limit(1);
  if (!row) throw notFound();
  return presentEvent(row, actor);
}

function encodeCursor(row: EventRow) {
  return Buffer.from(`${row.startsAt.toISOString()}|${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { startsAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const startsAt = new Date(at ?? '');
  if (!id || !/^[0-9a-f-]{36}$/i.test(id) || Number.isNaN(startsAt.getTime())) {
    throw badRequest('This page link is not valid', [{ path: 'querystring.cursor', message: 'Not a page cursor' }]);
  }
  return { startsAt, id };
}

/** Events that have not ended yet (cancelled ones too, so people learn of it), soonest first. */
export async function listUpcomingEvents({
  db,
  actor,
  limit = L.pageDefault,
  cursor,
  now = new Date(),
}: Own & {
  limit?: number;
  cursor?: string;
  now?: Date;
}): Promise<EventPage> {
  const conditions: SQL[] = [gt(events.endsAt, now)];
  if (cursor) {
    const after = decodeCursor(cursor);
    const next = or(gt(events.startsAt, after.startsAt), and(eq(events.startsAt, after.startsAt), gt(events.id, after.id)));
    if (next) conditions.push(next);
  }
  const rows = await selectEvents(db, actor.userId)
    .where(and(...conditions))
    .orderBy(asc(events.startsAt), asc(events.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    events: page.map((row) => presentEvent(row, actor)),
    nextCursor: rows.length > limit && last ? encodeCursor(last.event) : null,
    canCreate: isOrganizer(actor),
  };
}

/** The next event I said I am going to or wait for, not ended and not cancelled; null when there is none. */
export async function nextEventOfMine({ db, actor, now = new Date() }: Own & { now?: Date }): Promise<Event | null> {
  const [row] = await selectEvents(db, actor.userId)
    .where(and(gt(events.endsAt, now), eq(events.status, 'scheduled'), or(eq(mine.status, 'going'), eq(mine.status, 'waitlisted'))))
    .orderBy(asc(events.startsAt), asc(events.id))
    .limit(1);
  return row ? presentEvent(row, actor) : null;
}

/** Organizers only (the route admits no one else): who is going and who waits, by alias. */
export async function listAttendees(db: Db, id: string): Promise<AttendeeList> {
  const [event] = await db.select({ id: events.id }).from(events).where(eq(events.id, id));
  if (!event) throw notFound();
  const rows = await db
    .select({ status: eventRsvps.status, alias: profiles.alias, updatedAt: eventRsvps.updatedAt, waitlistedAt: eventRsvps.waitlistedAt })
    .from(eventRsvps)
    .innerJoin(profiles, eq(profiles.userId, eventRsvps.personId))
    .where(eq(eventRsvps.eventId, id))
    .orderBy(asc(eventRsvps.waitlistedAt), asc(eventRsvps.id));
  return {
    going: rows
      .filter((r) => r.status === 'going')
      .map((r) => ({ alias: r.alias, since: r.updatedAt.toISOString() }))
      .sort((a, b) => a.alias.localeCompare(b.alias)),
    waitlisted: rows
      .filter((r) => r.status === 'waitlisted')
      .map((r, index) => ({ alias: r.alias, position: index + 1, since: (r.waitlistedAt ?? r.updatedAt).toISOString() })),
  };
}

// ---------------------------------------------------------------------------------------------
// Writing (organizers)

/** A wall-clock time in a zone as an instant; a time the clocks skip (spring forward) is refused. */
function instantOf(local: string, zone: string, field: string): Date {
  const at = DateTime.fromISO(local, { zone });
  if (!at.isValid || at.toFormat(LOCAL_FORMAT) !== local) {
    throw badRequest('That time does not exist in this time zone (the clocks change)', [
      { path: `body.${field}`, message: 'This time is skipped when the clocks change; choose another' },
    ]);
  }
  const instant = at.toJSDate();
  if (!instantInRange(instant)) {
    throw badRequest(`${field}: Use a date between ${DATE_RANGE.minYear} and ${DATE_RANGE.maxYear}`, [
      { path: `body.${field}`, message: `Use a date between ${DATE_RANGE.minYear} and ${DATE_RANGE.maxYear}` },
    ]);
  }
  return instant;
}

function checkTimes(input: CreateEvent, now: Date, startChanged: boolean) {
  const startsAt = instantOf(input.startsAt, input.timezone, 'startsAt');
  const endsAt = instantOf(input.endsAt, input.timezone, 'endsAt');
  if (startChanged && startsAt.getTime() <= now.getTime())
    throw badRequest('The event must start in the future', [{ path: 'body.startsAt', message: 'Choose a time in the future' }]);
  if (startsAt.getTime() > now.getTime() + L.aheadDays * DAY_MS)
    throw badRequest('The event must be within a year', [{ path: 'body.startsAt', message: 'Choose a time within the next year' }]);
  if (endsAt.getTime() <= startsAt.getTime())
    throw badRequest('The event must end after it starts', [{ path: 'body.endsAt', message: 'Choose an end after the start' }]);
  if (endsAt.getTime() - startsAt.getTime() > L.durationHoursMax * 3_600_000) {
    throw badRequest(`An event lasts at most ${L.durationHoursMax} hours`, [{ path: 'body.endsAt', message: 'The event is too long' }]);
  }
  return { startsAt, endsAt };
}

function fieldsOf(input: CreateEvent, times: { startsAt: Date; endsAt: Date }) {
  return {
    kind: input.kind,
    title: input.title.trim(),
    description: (input.description ?? '').trim(),
    startsAt: times.startsAt,
    endsAt: times.endsAt,
    timezone: input.timezone,
    location: input.location ?? null,
    address: input.address ?? null,
    conferenceUrl: input.conferenceUrl ?? null,
    capacity: input.capacity ?? null,
  };
}

export async function createEvent({ db, actor, input, now = new Date() }: { db: Db; actor: Actor; input: CreateEvent; now?: Date }) {
  const times = checkTimes(input, now, true);
  const row = onlyRow(
    await db
      .insert(events)
      .values({ ...fieldsOf(input, times), createdBy: actor.userId })
      .returning({ id: events.id }),
  );
  return eventForViewer({ db, actor, id: row.id });
}

/** What changing an event takes: who, which event, what, and the moment (tests pass their own). */
interface EventChange<Input> {
  ctx: Pick<AppContext, 'db' | 'mailer' | 'config'>;
  actor: Actor;
  id: string;
  input: Input;
  now?: Date;
}

/** Locks an event that can still change: 409 once it is cancelled (with `cancelledMessage`) or over. */
async function lockChangeableEvent(tx: Db, id: string, now: Date, cancelledMessage: string) {
  const current = await lockEvent(tx, id);
  if (current.status === 'cancelled') throw conflict(cancelledMessage);
  if (current.endsAt.getTime() <= now.getTime()) throw conflict('This event is over');
  return current;
}

/** Whether people who answered must hear of the edit: when or where they are expected changed. */
function movedForAttendees(before: EventRow, after: EventRow): boolean {
  return (
    before.startsAt.getTime() !== after.startsAt.getTime() ||
    before.endsAt.getTime() !== after.endsAt.getTime() ||
    before.location !== after.location ||
    before.address !== after.address ||
    before.conferenceUrl !== after.conferenceUrl
  );
}

/**
 * Replaces an event's details. Capacity may not drop below the people already going (409: nobody
 * loses a place they were given); raising it moves the waitlist up in order, in the same
 * transaction. A new start time re-arms the reminders. A new time, place or link is announced to
 * everyone going or waiting in the same transaction; a new title, description or capacity is not.
 */
export async function updateEvent({ ctx, actor, id, input, now = new Date() }: EventChange<CreateEvent>) {
  await ctx.db.transaction(async (tx) => {
    const current = await lockChangeableEvent(tx, id, now, 'A cancelled event cannot be changed');
    const startChanged = instantOf(input.startsAt, input.timezone, 'startsAt').getTime() !== current.startsAt.getTime();
    const times = checkTimes(input, now, startChanged);
    const capacity = input.capacity ?? null;
    if (capacity !== null && capacity < current.going) {
      throw conflict(`${current.going} people are already going: the capacity cannot be lower`, [
        { path: 'body.capacity', message: `At least ${current.going}` },
      ]);
    }
    const updated = onlyRow(
      await tx
        .update(events)
        .set({ ...fieldsOf(input, times), updatedAt: now })
        .where(eq(events.id, id))
        .returning(),
    );
    if (movedForAttendees(current, updated)) await notifyChange(ctx, tx, updated, now);
    if (startChanged) {
      await tx.update(eventRsvps).set({ reminded24hAt: null, reminded1hAt: null }).where(eq(eventRsvps.eventId, id));
    }
    await promoteWaiting(ctx, tx, id, now);
  });
  return eventForViewer({ db: ctx.db, actor, id });
}

/** Cancels the event and tells everyone going or waiting, with the note, in the same transaction. */
export async function cancelEvent({ ctx, actor, id, input, now = new Date() }: EventChange<CancelEvent>) {
  await ctx.db.transaction(async (tx) => {
    await lockChangeableEvent(tx, id, now, 'This event is already cancelled');
    const [row] = await tx
      .update(events)
      .set({ status: 'cancelled', cancelledAt: now, cancellationNote: input.note, updatedAt: now })
      .where(eq(events.id, id))
      .returning();
    if (row) await notifyCancellation(ctx, tx, row);
  });
  return eventForViewer({ db: ctx.db, actor, id });
}
