import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { MatchingBoard, Suggestion } from '../../../shared/contracts/coaching.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema/auth.ts';
import { coachingRelationships, coachProfiles } from '../../db/schema/coaching.ts';
import { profiles } from '../../db/schema/profile.ts';
import { badRequest, conflict } from '../../lib/app-error.ts';
import { iso } from '../../lib/dates.ts';
import type { Actor } from '../../plugins/session.ts';
import { logAccesses } from '../consent/consent.public.ts';
import { aliasesOf, recordEvent, refOf, takeSeats, waitingDaysOf } from './coaching.relationships.ts';
import { emailProposal, notifyProposal } from './coaching.service.ts';
import { suggestAssignment } from './matching/assign.ts';
import type { MatchCoach, MatchMember } from './matching/matching.types.ts';
import { evaluatePair, prepareCoach, prepareMember, scorePair } from './matching/score.ts';
import { referenceWeek } from './matching/weekly-times.ts';

/** The supervisor's matching board: who waits, who has room, suggested pairs, and approval. */

const requestedCoach = alias(profiles, 'matching_requested_coach');
/** Coaches offered per member when the supervisor overrides a suggestion (best fit first). */
const OVERRIDE_CHOICES = 12;

async function loadWaiting(db: Db, requestIds?: string[]) {
  return db
    .select({
      id: coachingRelationships.id,
      memberId: coachingRelationships.memberId,
      memberAlias: profiles.alias,
      preferences: coachingRelationships.preferences,
      intakeNote: coachingRelationships.intakeNote,
      requestedAt: coachingRelationships.requestedAt,
      requestedCoachId: coachingRelationships.requestedCoachId,
      requestedCoachAlias: requestedCoach.alias,
    })
    .from(coachingRelationships)
    .innerJoin(users, eq(users.id, coachingRelationships.memberId))
    .innerJoin(profiles, eq(profiles.userId, coachingRelationships.memberId))
    .leftJoin(requestedCoach, eq(requestedCoach.userId, coachingRelationships.requestedCoachId))
    .where(
      and(
        eq(coachingRelationships.status, 'requested'),
        eq(users.status, 'active'),
        requestIds ? inArray(coachingRelationships.id, requestIds) : undefined,
      ),
    )
    .orderBy(asc(coachingRelationships.requestedAt));
}
type WaitingRow = Awaited<ReturnType<typeof loadWaiting>>[number];

async function loadCoaches(db: Db, coachIds?: string[]) {
  return db
    .select({ coach: coachProfiles, alias: profiles.alias })
    .from(coachProfiles)
    .innerJoin(users, eq(users.id, coachProfiles.userId))
    .innerJoin(profiles, eq(profiles.userId, coachProfiles.userId))
    .where(
      and(eq(users.status, 'active'), sql`'coach' = any(${users.roles})`, coachIds ? inArray(coachProfiles.userId, coachIds) : undefined),
    )
    .orderBy(asc(profiles.alias));
}
type CoachRow = Awaited<ReturnType<typeof loadCoaches>>[number];

const toMatchMember = (row: WaitingRow, now: Date): MatchMember => ({
  requestId: row.id,
  memberId: row.memberId,
  preferences: row.preferences,
  waitingDays: waitingDaysOf(row.requestedAt, now),
  requestedCoachId: row.requestedCoachId,
});

const toMatchCoach = ({ coach }: CoachRow): MatchCoach => ({
  coachId: coach.userId,
  freeSeats: Math.max(0, coach.maxCaseload - coach.seatsTaken),
  gender: coach.gender,
  languages: coach.languages,
  pathways: coach.pathways as MatchCoach['pathways'],
  specialties: coach.specialties as MatchCoach['specialties'],
  timezone: coach.timezone,
  availability: coach.availability,
});

/** Why a supervisor's view of the board is in each waiting member's access log. */
export const MATCHING_READ_PURPOSE = 'Matching: read the request for a coach (wishes and note)';

export async function matchingBoard({ db, actor }: { db: Db; actor: Actor }): Promise<MatchingBoard> {
  const [waiting, coaches] = await Promise.all([loadWaiting(db), loadCoaches(db)]);
  const now = new Date();
  // The wishes and the intake note are the member's words, read here by role, not through a grant:
  // each view is in the member's "who saw my data" (never coalesced, decision 006).
  await logAccesses(
    db,
    actor,
    waiting.map((row) => ({
      subjectId: row.memberId,
      scope: 'coaching_notes' as const,
      access: { via: 'role' as const, purpose: MATCHING_READ_PURPOSE },
    })),
    now,
  );
  return {
    waiting: waiting.map((row) => ({
      requestId: row.id,
      member: { id: row.memberId, alias: row.memberAlias },
      requestedAt: iso(row.requestedAt),
      waitingDays: waitingDaysOf(row.requestedAt, now),
      preferences: row.preferences,
      intakeNote: row.intakeNote,
      requestedCoach: row.requestedCoachId ? { id: row.requestedCoachId, alias: row.requestedCoachAlias ?? 'deleted account' } : null,
    })),
    coaches: coaches.map(({ coach, alias }) => ({
      id: coach.userId,
      alias,
      seatsTaken: coach.seatsTaken,
      maxCaseload: coach.maxCaseload,
      freeSeats: Math.max(0, coach.maxCaseload - coach.seatsTaken),
      accepting: coach.accepting,
      languages: coach.languages,
      gender: coach.gender,
    })),
  };
}

/** The optimal assignment of everyone waiting to coaches with room, each pair explained. Changes nothing. */
export async function suggestMatches({ db }: { db: Db }): Promise<Suggestion> {
  const [waiting, allCoaches] = await Promise.all([loadWaiting(db), loadCoaches(db)]);
  const coaches = allCoaches.filter(({ coach }) => coach.accepting && coach.seatsTaken < coach.maxCaseload);
  const now = new Date();
  const members = waiting.map((row) => toMatchMember(row, now));
  const matchCoaches = coaches.map(toMatchCoach);
  const assignment = suggestAssignment(members, matchCoaches);
  const week = referenceWeek();
  const prepared = matchCoaches.map((coach) => ({ coach, ready: prepareCoach(coach, week) }));
  const suggestedCoach = new Map(assignment.pairs.map((pair) => [pair.requestId, pair.coachId]));
  const names = new Map<string, string>([
    ...waiting.map((row) => [row.memberId, row.memberAlias] as const),
    ...coaches.map((row) => [row.coach.userId, row.alias] as const),
  ]);
  return {
    pairs: assignment.pairs.map((pair) => ({
      requestId: pair.requestId,
      member: refOf(names, pair.memberId),
      coach: refOf(names, pair.coachId),
      total: pair.total,
      components: pair.components,
    })),
    unmatched: assignment.unmatched.map((u) => ({
      requestId: u.requestId,
      member: refOf(names, u.memberId),
      reason: u.reason,
      unmetBy: u.reason === 'no_feasible_coach' ? u.unmetBy : null,
      feasibleCoaches: u.reason === 'no_free_seat' ? u.feasibleCoaches : null,
    })),
    // Every member against every coach, each side prepared once, on the engine's fast path; only the
    // best few (and the suggested coach) go back, so a board of thousands stays a small answer.
    options: members.map((member) => {
      const asking = prepareMember(member, week);
      const suggested = suggestedCoach.get(member.requestId);
      const feasible = prepared
        .map(({ coach, ready }) => ({ coachId: coach.coachId, total: evaluatePair(asking, ready) }))
        .filter((option) => option.total >= 0)
        .sort((a, b) => b.total - a.total);
      const best = feasible.slice(0, OVERRIDE_CHOICES);
      const kept = feasible.find((option) => option.coachId === suggested);
      if (kept && !best.includes(kept)) best.push(kept);
      return { requestId: member.requestId, coaches: best.map((option) => ({ coach: refOf(names, option.coachId), total: option.total })) };
    }),
    total: assignment.total,
  };
}

/**
 * Approves pairs as suggested or edited by the supervisor. All pairs in ONE transaction: approving a
 * board is one decision, and a supervisor told "Rosa's coach has no free seat" re-suggests from a
 * board where nothing was half-done. Every pair is re-checked here (still waiting, coach active and
 * accepting, every hard requirement met), whatever the screen showed. Locks are taken in one order
 * (requests by id, then coaches by id) so two supervisors approving at once wait for each other
 * instead of deadlocking; the seat CHECK decides who gets the last seat.
 */
export async function approveMatches({
  ctx,
  actor,
  pairs,
}: {
  ctx: Pick<AppContext, 'db' | 'mailer' | 'config'>;
  actor: Actor;
  pairs: { requestId: string; coachId: string }[];
}) {
  const requestIds = pairs.map((p) => p.requestId);
  if (new Set(requestIds).size !== requestIds.length) {
    throw badRequest('Each member can be approved once', [{ path: 'body.pairs', message: 'A member appears twice' }]);
  }
  const sorted = [...pairs].sort((a, b) => a.requestId.localeCompare(b.requestId));
  const approved = await ctx.db.transaction(async (tx) => {
    // Lock every request first, in id order.
    const locked = await tx
      .select({ id: coachingRelationships.id, status: coachingRelationships.status, memberId: coachingRelationships.memberId })
      .from(coachingRelationships)
      .where(inArray(coachingRelationships.id, requestIds))
      .orderBy(asc(coachingRelationships.id))
      .for('update');
    const waiting = new Map((await loadWaiting(tx, requestIds)).map((row) => [row.id, row]));
    const coaches = new Map((await loadCoaches(tx, [...new Set(pairs.map((p) => p.coachId))])).map((row) => [row.coach.userId, row]));
    const names = await aliasesOf(tx, [...pairs.map((p) => p.coachId), ...locked.map((l) => l.memberId)]);
    const now = new Date();
    const out: { requestId: string; member: { id: string; alias: string }; coach: { id: string; alias: string } }[] = [];
    for (const pair of sorted) {
      const request = waiting.get(pair.requestId);
      const lockedRow = locked.find((l) => l.id === pair.requestId);
      if (!request || lockedRow?.status !== 'requested') {
        const who = lockedRow ? (names.get(lockedRow.memberId) ?? 'A member') : 'A member';
        throw conflict(`${who} is no longer waiting for a coach; suggest again`);
      }
      const coachRow = coaches.get(pair.coachId);
      const coachAlias = coachRow?.alias ?? names.get(pair.coachId) ?? 'That coach';
      if (!coachRow) throw conflict(`${request.memberAlias}: ${coachAlias} is not a coach`);
      if (!coachRow.coach.accepting) throw conflict(`${request.memberAlias}: ${coachAlias} is not taking new people`);
      if (pair.coachId === request.memberId) throw conflict(`${request.memberAlias} cannot coach themselves`);
      const score = scorePair(toMatchMember(request, now), { ...toMatchCoach(coachRow), freeSeats: 1 });
      if (!score.feasible) {
        throw conflict(`${request.memberAlias}: ${coachAlias} does not meet what they require (${score.unmet.join(', ')})`);
      }
      await tx
        .update(coachingRelationships)
        .set({
          status: 'proposed',
          coachId: pair.coachId,
          proposedAt: now,
          proposedBy: actor.userId,
          match: { total: score.total, components: score.components, approvedBy: actor.alias },
          updatedAt: now,
        })
        .where(eq(coachingRelationships.id, pair.requestId));
      await recordEvent(tx, { relationshipId: pair.requestId, actorId: actor.userId, fromStatus: 'requested', toStatus: 'proposed' });
      await notifyProposal(tx, request.memberId, pair.requestId);
      out.push({
        requestId: pair.requestId,
        member: { id: request.memberId, alias: request.memberAlias },
        coach: { id: pair.coachId, alias: coachAlias },
      });
    }
    // Then the seats, one UPDATE per coach in id order; the CHECK refuses an over-full caseload.
    const perCoach = new Map<string, number>();
    for (const pair of pairs) perCoach.set(pair.coachId, (perCoach.get(pair.coachId) ?? 0) + 1);
    for (const coachId of [...perCoach.keys()].sort()) {
      await takeSeats(tx, { id: coachId, alias: coaches.get(coachId)?.alias ?? 'That coach' }, perCoach.get(coachId));
    }
    return out;
  });
  for (const pair of approved) await emailProposal(ctx, pair.requestId);
  return { approved };
}
