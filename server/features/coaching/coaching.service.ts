import { and, desc, eq, sql } from 'drizzle-orm';
import type {
  CreateRequest,
  MemberRelationship,
  MyCoaching,
  Relationship,
  RelationshipAction,
} from '../../../shared/contracts/coaching.ts';
import { OPEN_STATUSES, SEAT_STATUSES } from '../../../shared/contracts/coaching-base.ts';
import type { Scope } from '../../../shared/contracts/consent.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema/auth.ts';
import { coachingRelationships, coachProfiles } from '../../db/schema/coaching.ts';
import { profiles } from '../../db/schema/profile.ts';
import { badRequest, conflict, notFound } from '../../lib/app-error.ts';
import { iso, isoOrNull } from '../../lib/dates.ts';
import { isUniqueViolation } from '../../lib/db-errors.ts';
import { onlyRow } from '../../lib/rows.ts';
import type { Actor } from '../../plugins/session.ts';
import { cancelBookedSessions } from '../coaching-sessions/coaching-sessions.public.ts';
import { grantConsent } from '../consent/consent.public.ts';
import { allowedTransitions, relationshipPolicy, TRANSITIONS } from './coaching.policy.ts';
import {
  aliasesOf,
  coachCards,
  freeSeat,
  grantedScopes,
  historyOf,
  lockCoachRows,
  lockRelationship,
  notify,
  type RelationshipRow,
  recordEvent,
  refOf,
  revokeCoachingGrant,
  takeSeats,
  waitingDaysOf,
} from './coaching.relationships.ts';

/** A member's request for a coach, their view of it, and every change of a relationship's status. */

const ONE_OPEN = 'coaching_relationships_one_open_per_member';

export async function createRequest({ db, actor, input }: { db: Db; actor: Actor; input: CreateRequest }): Promise<MyCoaching> {
  const requestedCoachId = input.requestedCoachId ?? null;
  if (requestedCoachId) {
    const [coach] = await db
      .select({ id: coachProfiles.userId })
      .from(coachProfiles)
      .innerJoin(users, eq(users.id, coachProfiles.userId))
      .where(
        and(
          eq(coachProfiles.userId, requestedCoachId),
          eq(coachProfiles.accepting, true),
          eq(users.status, 'active'),
          sql`'coach' = any(${users.roles})`,
        ),
      );
    if (!coach || requestedCoachId === actor.userId) {
      throw badRequest('That coach is not taking new people; choose another or leave it to the team', [
        { path: 'body.requestedCoachId', message: 'Not available' },
      ]);
    }
  }
  try {
    await db.transaction(async (tx) => {
      const row = onlyRow(
        await tx
          .insert(coachingRelationships)
          .values({
            memberId: actor.userId,
            status: 'requested',
            preferences: input.preferences,
            requestedCoachId,
            intakeNote: input.intakeNote || null,
          })
          .returning({ id: coachingRelationships.id }),
      );
      await recordEvent(tx, { relationshipId: row.id, actorId: actor.userId, fromStatus: null, toStatus: 'requested' });
    });
  } catch (error) {
    if (isUniqueViolation(error, ONE_OPEN)) {
      throw conflict('You already have an open request or a coach; withdraw or close it before asking again');
    }
    throw error;
  }
  return getMyCoaching({ db, actor });
}

export async function getMyCoaching({ db, actor }: { db: Db; actor: Actor }): Promise<MyCoaching> {
  const rows = await db
    .select()
    .from(coachingRelationships)
    .where(eq(coachingRelationships.memberId, actor.userId))
    .orderBy(desc(coachingRelationships.requestedAt));
  const [cards, aliases, scopes, history] = await Promise.all([
    coachCards(
      db,
      rows.filter((r) => r.proposedAt !== null).map((r) => r.coachId),
    ),
    aliasesOf(
      db,
      rows.map((r) => r.requestedCoachId),
    ),
    grantedScopes(
      db,
      rows.map((r) => r.grantId),
    ),
    historyOf(
      db,
      rows.map((r) => r.id),
    ),
  ]);
  const now = new Date();
  const view = (row: RelationshipRow): MemberRelationship => ({
    id: row.id,
    status: row.status,
    preferences: row.preferences,
    intakeNote: row.intakeNote,
    requestedCoach: row.requestedCoachId ? refOf(aliases, row.requestedCoachId) : null,
    coach: row.proposedAt && row.coachId ? (cards.get(row.coachId) ?? null) : null,
    scopes: row.grantId ? (scopes.get(row.grantId) ?? []) : [],
    requestedAt: iso(row.requestedAt),
    waitingDays: waitingDaysOf(row.requestedAt, row.proposedAt ?? now),
    proposedAt: isoOrNull(row.proposedAt),
    startedAt: isoOrNull(row.startedAt),
    endedAt: isoOrNull(row.endedAt),
    endReason: row.endReason,
    // The member's own page offers the member's changes (one who also supervises transfers from the board).
    allowed: allowedTransitions({ userId: actor.userId, roles: [] }, row),
    history: history.get(row.id) ?? [],
  });
  const current = rows.find((r) => OPEN_STATUSES.includes(r.status));
  return { current: current ? view(current) : null, past: rows.filter((r) => r !== current).map(view) };
}

/** One relationship for its member, its coach (after acceptance) or a supervisor; anyone else 404. */
export async function getRelationship({ db, actor, id }: { db: Db; actor: Actor; id: string }): Promise<Relationship> {
  const [row] = await db.select().from(coachingRelationships).where(eq(coachingRelationships.id, id));
  if (!row) throw notFound();
  relationshipPolicy.authorize(actor, 'read', row);
  const [aliases, scopes, history] = await Promise.all([
    aliasesOf(db, [row.memberId, row.coachId]),
    grantedScopes(db, [row.grantId]),
    historyOf(db, [row.id]),
  ]);
  const seesIntake = relationshipPolicy.can(actor, 'readIntake', row);
  return {
    id: row.id,
    status: row.status,
    member: refOf(aliases, row.memberId),
    coach: row.coachId ? refOf(aliases, row.coachId) : null,
    requestedAt: iso(row.requestedAt),
    proposedAt: isoOrNull(row.proposedAt),
    startedAt: isoOrNull(row.startedAt),
    endedAt: isoOrNull(row.endedAt),
    endReason: row.endReason,
    transferredTo: row.transferredTo,
    scopes: row.grantId ? (scopes.get(row.grantId) ?? []) : [],
    preferences: seesIntake ? row.preferences : null,
    intakeNote: seesIntake ? row.intakeNote : null,
    allowed: allowedTransitions(actor, row),
    history: history.get(row.id) ?? [],
  };
}

interface TransitionInput {
  action: RelationshipAction;
  reason?: string | null;
  scopes?: Scope[];
  coachId?: string;
}

/**
 * Every change of a relationship after matching, each in one transaction with the row locked: the
 * status, the seat (one UPDATE on the coach's row), the consent grant (created on acceptance,
 * revoked when the relationship ends) and the history event commit together or not at all.
 */
export async function changeRelationship({
  ctx,
  actor,
  id,
  input,
}: {
  ctx: Pick<AppContext, 'db' | 'mailer' | 'config'>;
  actor: Actor;
  id: string;
  input: TransitionInput;
}): Promise<Relationship> {
  const { action } = input;
  const reason = input.reason ?? null;
  const transferredTo = await ctx.db.transaction(async (tx) => {
    const row = await lockRelationship(tx, id);
    relationshipPolicy.authorize(actor, action, row);
    const rule = TRANSITIONS[action];
    const now = new Date();
    const ends = ['withdrawn', 'declined', 'closed', 'transferred'].includes(rule.to);
    const patch: Partial<typeof coachingRelationships.$inferInsert> = { status: rule.to, updatedAt: now };
    if (ends) Object.assign(patch, { endedAt: now, endReason: reason });
    if (action === 'transfer') await lockCoachRows(tx, [row.coachId, input.coachId]);
    if (ends && SEAT_STATUSES.includes(row.status)) await freeSeat(tx, row.coachId);
    if (ends) await revokeCoachingGrant(tx, row, actor.userId);
    if (ends) await cancelBookedSessions(tx, row.id);

    let scopes: Scope[] | null = null;
    let newId: string | null = null;
    if (action === 'accept') {
      scopes = [...new Set(input.scopes ?? [])];
      patch.startedAt = now;
      if (scopes.length > 0 && row.coachId) {
        const coachAlias = (await aliasesOf(tx, [row.coachId])).get(row.coachId) ?? 'your coach';
        // An ordinary grant, made by the consent core (audit event included), revocable on the privacy page.
        patch.grantId = await grantConsent(tx, {
          grantorId: actor.userId,
          granteeId: row.coachId,
          scopes,
          purpose: `Peer coaching with ${coachAlias}`,
          startsAt: now,
          actorId: actor.userId,
          detail: { relationshipId: row.id },
        });
      }
    }
    await tx.update(coachingRelationships).set(patch).where(eq(coachingRelationships.id, row.id));
    if (action === 'transfer') newId = await transferTo(tx, actor, row, input.coachId, reason);
    if (newId) await tx.update(coachingRelationships).set({ transferredTo: newId }).where(eq(coachingRelationships.id, row.id));
    await recordEvent(tx, { relationshipId: row.id, actorId: actor.userId, fromStatus: row.status, toStatus: rule.to, reason, scopes });
    return newId;
  });
  if (transferredTo) await emailProposal(ctx, transferredTo);
  return getRelationship({ db: ctx.db, actor, id });
}

/** A new `proposed` row for the new coach, same wishes; the member must accept again before the coach sees anything. */
async function transferTo(tx: Db, actor: Actor, row: RelationshipRow, coachId: string | undefined, reason: string | null) {
  if (!coachId || coachId === row.coachId) {
    throw badRequest('Choose a different coach', [{ path: 'body.coachId', message: 'Same coach' }]);
  }
  const [coach] = await tx
    .select({ id: coachProfiles.userId, alias: profiles.alias, accepting: coachProfiles.accepting })
    .from(coachProfiles)
    .innerJoin(users, eq(users.id, coachProfiles.userId))
    .innerJoin(profiles, eq(profiles.userId, coachProfiles.userId))
    .where(and(eq(coachProfiles.userId, coachId), eq(users.status, 'active'), sql`'coach' = any(${users.roles})`));
  if (!coach || coachId === row.memberId) {
    throw badRequest('No such coach', [{ path: 'body.coachId', message: 'Not a coach' }]);
  }
  if (!coach.accepting) throw conflict(`${coach.alias} is not taking new people`);
  await takeSeats(tx, coach);
  const created = onlyRow(
    await tx
      .insert(coachingRelationships)
      .values({
        memberId: row.memberId,
        coachId,
        status: 'proposed',
        preferences: row.preferences,
        intakeNote: row.intakeNote,
        requestedAt: row.requestedAt,
        proposedAt: new Date(),
        proposedBy: actor.userId,
      })
      .returning({ id: coachingRelationships.id }),
  );
  await recordEvent(tx, { relationshipId: created.id, actorId: actor.userId, fromStatus: null, toStatus: 'proposed', reason });
  await notifyProposal(tx, row.memberId, created.id);
  return created.id;
}

/** The in-app half of telling a member a coach is proposed; the email follows after commit. */
export async function notifyProposal(tx: Db, memberId: string, relationshipId: string) {
  await notify(tx, {
    userId: memberId,
    title: 'A peer coach has been suggested for you',
    body: 'Read about them and decide whether to start, and what to share.',
    link: '/coaching',
    dedupeKey: `${memberId}:coaching:proposed:${relationshipId}`,
  });
}

/** The email says only that there is news: no coach, no recovery details. */
export async function emailProposal(ctx: Pick<AppContext, 'db' | 'mailer' | 'config'>, relationshipId: string) {
  const [row] = await ctx.db
    .select({ email: users.email })
    .from(coachingRelationships)
    .innerJoin(users, eq(users.id, coachingRelationships.memberId))
    .where(eq(coachingRelationships.id, relationshipId));
  if (!row) return;
  await ctx.mailer.send(ctx.db, {
    to: row.email,
    subject: 'News in Kinship',
    text: `There is something new for you in Kinship.\n\nSign in to read it: ${ctx.config.publicUrl}/coaching`,
  });
}
