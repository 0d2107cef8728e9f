import { and, asc, eq, gt, inArray, lt, ne, or, sql } from 'drizzle-orm';
import { alias as aliasTable } from 'drizzle-orm/pg-core';
import { DateTime } from 'luxon';
import {
  BUDDY_LIMITS,
  type BuddyOverview,
  type CreateBuddyRequest,
  type MyBuddyRequest,
  type OpenBuddyRequest,
} from '../../../shared/contracts/buddies.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema/auth.ts';
import { buddyRequests, buddyVolunteers } from '../../db/schema/buddies.ts';
import { meetings } from '../../db/schema/meetings.ts';
import { profiles } from '../../db/schema/profile.ts';
import { badRequest, conflict, forbidden, notFound } from '../../lib/app-error.ts';
import { iso } from '../../lib/dates.ts';
import { isUniqueViolation } from '../../lib/db-errors.ts';
import type { Actor, Own } from '../../plugins/session.ts';
import { logAccess } from '../consent/consent.public.ts';
import { conversationBetween } from '../messages/messages.public.ts';
import { emailMatched, noticeMatched } from './buddies.notify.ts';
import { isBookable, isUpcomingOccurrence, upcomingOccurrences } from './buddies.occurrences.ts';
import { authorizeVolunteer, volunteerEligibility } from './buddies.policy.ts';

/** Every read and write here is as of a moment (tests pass one). */
type OwnAt = Own & { now?: Date };

/** Open requests whose meeting has begun are past helping: marked expired whenever requests are read. */
export async function expirePastRequests(db: Db, now: Date) {
  await db
    .update(buddyRequests)
    .set({ status: 'expired', updatedAt: sql`now()` })
    .where(and(eq(buddyRequests.status, 'open'), lt(buddyRequests.occursAt, now)));
}

const meetingRefColumns = {
  id: meetings.id,
  name: meetings.name,
  fellowship: meetings.fellowship,
  attendanceMode: meetings.attendanceMode,
  location: meetings.location,
  city: meetings.city,
  timezone: meetings.timezone,
};
type MeetingRefRow = {
  id: string;
  name: string;
  fellowship: string | null;
  attendanceMode: string;
  location: string | null;
  city: string | null;
  timezone: string;
};
const meetingRef = (row: MeetingRefRow) => ({
  id: row.id,
  name: row.name,
  fellowship: row.fellowship,
  attendanceMode: row.attendanceMode,
  place: row.location ?? row.city,
  timezone: row.timezone,
});

async function myRequests(db: Db, me: string): Promise<MyBuddyRequest[]> {
  const requesterProfile = aliasTable(profiles, 'requester_profile');
  const buddyProfile = aliasTable(profiles, 'buddy_profile');
  const rows = await db
    .select({
      id: buddyRequests.id,
      requesterId: buddyRequests.requesterId,
      occursAt: buddyRequests.occursAt,
      note: buddyRequests.note,
      status: buddyRequests.status,
      conversationId: buddyRequests.conversationId,
      requesterAlias: requesterProfile.alias,
      buddyAlias: buddyProfile.alias,
      meeting: meetingRefColumns,
    })
    .from(buddyRequests)
    .innerJoin(meetings, eq(meetings.id, buddyRequests.meetingId))
    .leftJoin(requesterProfile, eq(requesterProfile.userId, buddyRequests.requesterId))
    .leftJoin(buddyProfile, eq(buddyProfile.userId, buddyRequests.buddyId))
    .where(or(eq(buddyRequests.requesterId, me), and(eq(buddyRequests.buddyId, me), eq(buddyRequests.status, 'matched'))))
    .orderBy(asc(buddyRequests.occursAt));
  return rows.map((row) => {
    const iAmBuddy = row.requesterId !== me;
    const matched = row.status === 'matched';
    // To the buddy, the "other" is the requester (alias only); to the requester, the buddy.
    const otherAlias = iAmBuddy ? row.requesterAlias : row.buddyAlias;
    return {
      id: row.id,
      meeting: meetingRef(row.meeting),
      occursAt: iso(row.occursAt),
      note: row.note,
      status: row.status,
      buddy: matched ? { alias: otherAlias ?? 'deleted account' } : null,
      conversationId: matched ? row.conversationId : null,
      iAmBuddy,
    };
  });
}

export async function buddyOverview({ db, actor, now = new Date() }: OwnAt): Promise<BuddyOverview> {
  await expirePastRequests(db, now);
  const [volunteer] = await db
    .select({ about: buddyVolunteers.about, active: buddyVolunteers.active })
    .from(buddyVolunteers)
    .where(eq(buddyVolunteers.personId, actor.userId));
  return {
    eligibility: await volunteerEligibility(db, actor, now),
    volunteer: volunteer ?? null,
    requests: await myRequests(db, actor.userId),
  };
}

export async function volunteer({ db, actor, about, now = new Date() }: OwnAt & { about: string }) {
  await authorizeVolunteer(db, actor, now, 'volunteer');
  await db
    .insert(buddyVolunteers)
    .values({ personId: actor.userId, about, active: true })
    .onConflictDoUpdate({ target: buddyVolunteers.personId, set: { about, active: true, updatedAt: sql`now()` } });
  return buddyOverview({ db, actor, now });
}

/** Opting out removes the volunteer row: nothing of the offer is kept. Matched requests stay as they are. */
export async function stopVolunteering({ db, actor, now = new Date() }: OwnAt) {
  await db.delete(buddyVolunteers).where(eq(buddyVolunteers.personId, actor.userId));
  return buddyOverview({ db, actor, now });
}

async function bookableMeeting(db: Db, meetingId: string) {
  const [meeting] = await db
    .select({ day: meetings.day, time: meetings.time, timezone: meetings.timezone, attendanceMode: meetings.attendanceMode })
    .from(meetings)
    .where(eq(meetings.id, meetingId))
    .limit(1);
  if (!meeting) throw notFound('No such meeting');
  return meeting;
}

export async function meetingOccurrences({ db, meetingId, now = new Date() }: { db: Db; meetingId: string; now?: Date }) {
  const meeting = await bookableMeeting(db, meetingId);
  return {
    bookable: isBookable(meeting),
    occurrences: upcomingOccurrences(meeting, now).map((start) => start.toISO({ suppressMilliseconds: true }) as string),
  };
}

const occursAtError = (message: string) => badRequest(`occursAt: ${message}`, [{ path: 'occursAt', message }]);

export async function createRequest({ db, actor, input, now = new Date() }: OwnAt & { input: CreateBuddyRequest }) {
  const meeting = await bookableMeeting(db, input.meetingId);
  if (!isBookable(meeting)) throw conflict('This meeting has no set time, so nobody can be asked along');
  const occursAt = new Date(input.occursAt);
  if (!isUpcomingOccurrence(meeting, occursAt, now)) throw occursAtError('Not an upcoming time of this meeting');
  await expirePastRequests(db, now);
  try {
    await db.transaction(async (tx) => {
      // Counting and inserting under a lock on the member's row: two quick requests cannot both be the third.
      await tx.select({ id: users.id }).from(users).where(eq(users.id, actor.userId)).for('update');
      const [open] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(buddyRequests)
        .where(and(eq(buddyRequests.requesterId, actor.userId), eq(buddyRequests.status, 'open')));
      if (Number(open?.n ?? 0) >= BUDDY_LIMITS.openPerMember) {
        throw conflict(`You can have ${BUDDY_LIMITS.openPerMember} open requests at a time`);
      }
      await tx.insert(buddyRequests).values({ requesterId: actor.userId, meetingId: input.meetingId, occursAt, note: input.note });
    });
  } catch (error) {
    if (isUniqueViolation(error, 'buddy_requests_one_open')) throw conflict('You already asked for this meeting at this time');
    throw error;
  }
  return buddyOverview({ db, actor, now });
}

export async function cancelRequest({ db, actor, id, now = new Date() }: OwnAt & { id: string }) {
  const cancelled = await db
    .update(buddyRequests)
    .set({ status: 'cancelled', buddyId: null, updatedAt: sql`now()` })
    .where(and(eq(buddyRequests.id, id), eq(buddyRequests.requesterId, actor.userId), inArray(buddyRequests.status, ['open', 'matched'])))
    .returning({ id: buddyRequests.id });
  if (cancelled.length === 0) {
    const [mine] = await db
      .select({ id: buddyRequests.id })
      .from(buddyRequests)
      .where(and(eq(buddyRequests.id, id), eq(buddyRequests.requesterId, actor.userId)));
    if (!mine) throw notFound();
    throw conflict('This request is no longer open');
  }
  return buddyOverview({ db, actor, now });
}

/** Open requests of others, soonest first: alias, meeting, time, note. Nothing else of the requester. */
export async function listOpenRequests({
  db,
  actor,
  now = new Date(),
}: OwnAt): Promise<{ requests: OpenBuddyRequest[]; timezone: string }> {
  await authorizeVolunteer(db, actor, now, 'answerRequests');
  await expirePastRequests(db, now);
  const rows = await db
    .select({
      id: buddyRequests.id,
      requesterAlias: profiles.alias,
      occursAt: buddyRequests.occursAt,
      note: buddyRequests.note,
      meeting: meetingRefColumns,
    })
    .from(buddyRequests)
    .innerJoin(meetings, eq(meetings.id, buddyRequests.meetingId))
    .innerJoin(users, and(eq(users.id, buddyRequests.requesterId), eq(users.status, 'active')))
    .innerJoin(profiles, eq(profiles.userId, buddyRequests.requesterId))
    .where(and(eq(buddyRequests.status, 'open'), gt(buddyRequests.occursAt, now), ne(buddyRequests.requesterId, actor.userId)))
    .orderBy(asc(buddyRequests.occursAt))
    .limit(100);
  return {
    timezone: actor.timezone,
    requests: rows.map((row) => ({
      id: row.id,
      requesterAlias: row.requesterAlias,
      meeting: meetingRef(row.meeting),
      occursAt: iso(row.occursAt),
      localTime: DateTime.fromJSDate(row.occursAt).setZone(actor.timezone).toISO({ suppressMilliseconds: true }) as string,
      note: row.note,
    })),
  };
}

/**
 * Accepting, in one transaction: the request row is locked, so of two volunteers answering at once one
 * wins and the other gets 409; the request becomes matched, the two get a 'buddy' conversation (the
 * same one if they were matched before), and the requester an in-app notice. The email goes after the
 * commit.
 */
export async function acceptRequest({
  ctx,
  actor,
  id,
  now = new Date(),
}: {
  ctx: Pick<AppContext, 'db' | 'mailer' | 'config'>;
  actor: Actor;
  id: string;
  now?: Date;
}) {
  const db = ctx.db;
  await authorizeVolunteer(db, actor, now, 'answerRequests');
  const requesterId = await db.transaction(async (tx) => {
    const [request] = await tx.select().from(buddyRequests).where(eq(buddyRequests.id, id)).for('update');
    if (!request) throw notFound();
    if (request.requesterId === actor.userId) throw forbidden('You cannot accept your own request');
    if (request.status !== 'open' || request.occursAt.getTime() <= now.getTime()) {
      throw conflict('This request is no longer open: someone may have said yes already');
    }
    const conversation = await conversationBetween(tx, 'buddy', actor.userId, request.requesterId);
    await tx
      .update(buddyRequests)
      .set({ status: 'matched', buddyId: actor.userId, conversationId: conversation.id, matchedAt: now, updatedAt: sql`now()` })
      .where(eq(buddyRequests.id, id));
    await noticeMatched(tx as unknown as Db, {
      requestId: id,
      requesterId: request.requesterId,
      buddyAlias: actor.alias,
      link: `/messages/${conversation.id}`,
    });
    await logAccess(
      tx as unknown as Db,
      actor,
      request.requesterId,
      'profile',
      { via: 'role', purpose: 'First-meeting buddy: accepted a request' },
      now,
    );
    return request.requesterId;
  });
  await emailMatched(ctx, requesterId);
  return buddyOverview({ db, actor, now });
}
