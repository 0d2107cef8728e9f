import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { CoachCard, RelationshipEvent } from '../../../shared/contracts/coaching.ts';
import type { RelationshipStatus } from '../../../shared/contracts/coaching-base.ts';
import type { Scope } from '../../../shared/contracts/consent.ts';
import type { Db, Tx } from '../../db/client.ts';
import { users } from '../../db/schema/auth.ts';
import { coachingRelationshipEvents, coachingRelationships, coachProfiles } from '../../db/schema/coaching.ts';
import { consentGrants } from '../../db/schema/consent.ts';
import { profiles } from '../../db/schema/profile.ts';
import { conflict, notFound } from '../../lib/app-error.ts';
import { iso } from '../../lib/dates.ts';
import { isSqlState } from '../../lib/db-errors.ts';
import { revokeConsent } from '../consent/consent.public.ts';
import { notifyOnce } from '../notifications/notifications.public.ts';
import type { Relationship } from './coaching.policy.ts';

/** Database steps the coaching services share: seats, history, grants, aliases, presenters, and the reads other features make. */

const DAY_MS = 86_400_000;
export const SEATS_CONSTRAINT = 'coach_profiles_seats_within_caseload';
export const waitingDaysOf = (requestedAt: Date, now = new Date()) =>
  Math.max(0, Math.floor((now.getTime() - requestedAt.getTime()) / DAY_MS));

function isSeatViolation(error: unknown): boolean {
  return isSqlState(error, '23514');
}

/**
 * Takes `count` of the coach's seats in one UPDATE: the row lock and the CHECK (seats ≤ maximum) make
 * two approvals for the last seat end with exactly one of them, on any number of connections.
 */
export async function takeSeats(tx: Db, coach: { id: string; alias: string }, count = 1) {
  let rows: { userId: string }[];
  try {
    rows = await tx
      .update(coachProfiles)
      .set({ seatsTaken: sql`${coachProfiles.seatsTaken} + ${count}`, updatedAt: sql`now()` })
      .where(eq(coachProfiles.userId, coach.id))
      .returning({ userId: coachProfiles.userId });
  } catch (error) {
    if (isSeatViolation(error)) throw conflict(`${coach.alias} has no free seat`);
    throw error;
  }
  if (rows.length === 0) throw conflict(`${coach.alias} has no coach profile`);
}

/**
 * Locks coaches' profile rows in id order before a write that moves seats between them. A transfer
 * frees one coach's seat and takes another's; two transfers crossing between the same two coaches
 * would otherwise lock the rows in opposite orders and deadlock (PostgreSQL aborts one: a 500).
 * Matching's approval takes the same rows in the same order.
 */
export async function lockCoachRows(tx: Db, coachIds: (string | null | undefined)[]) {
  const ids = [...new Set(coachIds.filter((id): id is string => Boolean(id)))].sort();
  if (ids.length === 0) return;
  await tx
    .select({ userId: coachProfiles.userId })
    .from(coachProfiles)
    .where(inArray(coachProfiles.userId, ids))
    .orderBy(asc(coachProfiles.userId))
    .for('update');
}

/** Gives a seat back (a coach whose profile is gone has none to give back). */
export async function freeSeat(tx: Db, coachId: string | null) {
  if (!coachId) return;
  await tx
    .update(coachProfiles)
    .set({ seatsTaken: sql`greatest(${coachProfiles.seatsTaken} - 1, 0)`, updatedAt: sql`now()` })
    .where(eq(coachProfiles.userId, coachId));
}

export async function recordEvent(
  tx: Db,
  event: {
    relationshipId: string;
    actorId: string | null;
    fromStatus: RelationshipStatus | null;
    toStatus: RelationshipStatus;
    reason?: string | null;
    scopes?: Scope[] | null;
  },
) {
  await tx.insert(coachingRelationshipEvents).values({
    relationshipId: event.relationshipId,
    actorId: event.actorId,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    reason: event.reason ?? null,
    scopes: event.scopes ?? null,
  });
}

/**
 * Ends the coach's access with the relationship, whoever ends it (coach, member or supervisor), by the
 * consent core's own revocation (the same audit event as a member's own, naming the relationship).
 */
export async function revokeCoachingGrant(tx: Tx, row: { id: string; grantId: string | null }, actorId: string) {
  await revokeConsent(tx, { grantIds: [row.grantId], actorId, detail: { relationshipId: row.id } });
}

/** The scopes a grant gives right now (none once revoked). */
export async function grantedScopes(db: Db, grantIds: (string | null)[]): Promise<Map<string, Scope[]>> {
  const ids = grantIds.filter((id): id is string => id !== null);
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: consentGrants.id, scopes: consentGrants.scopes })
    .from(consentGrants)
    .where(and(inArray(consentGrants.id, ids), isNull(consentGrants.revokedAt)));
  return new Map(rows.map((row) => [row.id, row.scopes]));
}

export async function aliasesOf(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select({ id: profiles.userId, alias: profiles.alias }).from(profiles).where(inArray(profiles.userId, wanted));
  return new Map(rows.map((row) => [row.id, row.alias]));
}

export const refOf = (aliases: Map<string, string>, id: string) => ({ id, alias: aliases.get(id) ?? 'deleted account' });

const eventActor = alias(profiles, 'coaching_event_actor');

export async function historyOf(db: Db, relationshipIds: string[]): Promise<Map<string, RelationshipEvent[]>> {
  const out = new Map<string, RelationshipEvent[]>();
  if (relationshipIds.length === 0) return out;
  const rows = await db
    .select({ event: coachingRelationshipEvents, actorAlias: eventActor.alias })
    .from(coachingRelationshipEvents)
    .leftJoin(eventActor, eq(eventActor.userId, coachingRelationshipEvents.actorId))
    .where(inArray(coachingRelationshipEvents.relationshipId, relationshipIds))
    .orderBy(asc(coachingRelationshipEvents.id));
  for (const { event, actorAlias } of rows) {
    const list = out.get(event.relationshipId) ?? [];
    list.push({
      at: iso(event.at),
      actor: event.actorId ? { id: event.actorId, alias: actorAlias ?? 'deleted account' } : null,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      reason: event.reason,
      scopes: event.scopes,
    });
    out.set(event.relationshipId, list);
  }
  return out;
}

export async function coachCards(db: Db, coachIds: (string | null)[]): Promise<Map<string, CoachCard>> {
  const ids = [...new Set(coachIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: profiles.userId, alias: profiles.alias, coach: coachProfiles })
    .from(profiles)
    .leftJoin(coachProfiles, eq(coachProfiles.userId, profiles.userId))
    .where(inArray(profiles.userId, ids));
  return new Map(rows.map((row) => [row.id, toCoachCard(row.id, row.alias, row.coach)]));
}

export function toCoachCard(id: string, alias: string, coach: typeof coachProfiles.$inferSelect | null): CoachCard {
  return {
    id,
    alias,
    livedExperience: coach?.livedExperience ?? '',
    pathways: (coach?.pathways ?? []) as CoachCard['pathways'],
    specialties: (coach?.specialties ?? []) as CoachCard['specialties'],
    languages: coach?.languages ?? [],
    gender: coach?.gender ?? null,
    certification: coach?.certification ?? null,
  };
}

/** An in-app notification, once per key (a retried request creates nothing twice). */
export async function notify(tx: Db, note: { userId: string; title: string; body: string; link: string; dedupeKey: string }) {
  await notifyOnce(tx, { ...note, kind: 'coaching' });
}

export async function lockRelationship(tx: Db, id: string) {
  const [row] = await tx.select().from(coachingRelationships).where(eq(coachingRelationships.id, id)).for('update');
  if (!row) throw notFound();
  return row;
}
export type RelationshipRow = typeof coachingRelationships.$inferSelect;

const relationshipColumns = {
  id: coachingRelationships.id,
  memberId: coachingRelationships.memberId,
  coachId: coachingRelationships.coachId,
  status: coachingRelationships.status,
  startedAt: coachingRelationships.startedAt,
};

/** A relationship with its two aliases and whether the member's account is active (coaching-sessions' page frame). */
export interface RelationshipWithPeople extends Relationship {
  coachAlias: string | null;
  memberAlias: string;
  memberActive: boolean;
}

const framedCoach = alias(profiles, 'rel_coach_profile');
const framedMember = alias(profiles, 'rel_member_profile');

export async function relationshipWithPeople(db: Db, id: string): Promise<RelationshipWithPeople | null> {
  const [row] = await db
    .select({ ...relationshipColumns, coachAlias: framedCoach.alias, memberAlias: framedMember.alias, memberStatus: users.status })
    .from(coachingRelationships)
    .innerJoin(users, eq(users.id, coachingRelationships.memberId))
    .innerJoin(framedMember, eq(framedMember.userId, coachingRelationships.memberId))
    .leftJoin(framedCoach, eq(framedCoach.userId, coachingRelationships.coachId))
    .where(eq(coachingRelationships.id, id))
    .limit(1);
  if (!row) return null;
  const { memberStatus, ...rest } = row;
  return { ...rest, memberActive: memberStatus === 'active' };
}

/**
 * Every relationship in which `personId` is the member or the coach (with one of `others`, when given),
 * in any status: partiesOf says what each one makes of them.
 */
export async function relationshipsOf(db: Db, personId: string, others?: readonly string[]): Promise<Relationship[]> {
  if (others?.length === 0) return [];
  const r = coachingRelationships;
  return db
    .select(relationshipColumns)
    .from(r)
    .where(
      or(
        and(eq(r.memberId, personId), others ? inArray(r.coachId, [...others]) : undefined),
        and(eq(r.coachId, personId), others ? inArray(r.memberId, [...others]) : undefined),
      ),
    );
}
