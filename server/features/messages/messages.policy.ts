import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { BUDDY_LIMITS } from '../../../shared/contracts/buddies.ts';
import type { ConversationKind } from '../../../shared/contracts/messages.ts';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema/auth.ts';
import { buddyRequests } from '../../db/schema/buddies.ts';
import { conversations } from '../../db/schema/messages.ts';
import { partnerships } from '../../db/schema/partners.ts';
import { conflict, notFound } from '../../lib/app-error.ts';
import { definePolicy } from '../../lib/policy.ts';
import type { Actor } from '../../plugins/session.ts';
import { partiesOf, type Relationship, relationshipsOf } from '../coaching/coaching.public.ts';

/**
 * Who may talk to whom.
 *
 * - A `coaching` conversation is open while the coach and the member have a coaching relationship that
 *   is active or paused; a `partners` conversation while their partnership is active. Only then can
 *   either side send.
 * - When the link closes, the thread becomes read-only for members (it is their own history) and
 *   disappears for the coach: a coach keeps no access to a former client's words once the relationship
 *   has ended (privacy first). Partners are both members: both keep a read-only history.
 * - A `buddy` conversation (first-meeting buddies) is open while a matched buddy request between the two
 *   exists whose meeting started less than 7 days ago (BUDDY_LIMITS.conversationDaysAfter): time to
 *   arrange where to meet, and to say how it went. It opens only when a volunteer accepts. Afterwards
 *   both keep a read-only history, like partners (the two are peers; neither side is someone's coach).
 *   A cancelled request closes it at once.
 * - Everyone else, and a coach after the end: 404, the same answer as a conversation that does not exist.
 *   Sending to a thread you can still read but no longer write to is a 409.
 */

/** Qualified columns for raw SQL fragments (inside subqueries a bare "id" would mean the inner table's). */
export const C = {
  id: sql.raw('"conversations"."id"'),
  aId: sql.raw('"conversations"."a_id"'),
  bId: sql.raw('"conversations"."b_id"'),
  kind: sql.raw('"conversations"."kind"'),
};

/** The stored pair order: `a_id < b_id` (uuids compare like their lowercase text). */
export function orderedPair(x: string, y: string): [string, string] {
  return x < y ? [x, y] : [y, x];
}

export function pairCondition(
  table: { inviterId: typeof partnerships.inviterId; inviteeId: typeof partnerships.inviteeId },
  x: string,
  y: string,
) {
  return or(and(eq(table.inviterId, x), eq(table.inviteeId, y)), and(eq(table.inviterId, y), eq(table.inviteeId, x)));
}

/**
 * The coaching relationships between two people, with what the party model (coaching's partiesOf) says
 * of them: whether one is open (its coach takes part: accepted, active or paused), and whether `me` was
 * ever its member, which keeps a member's read-only history after the end.
 */
async function coachingBetween(db: Db, me: string, other: string) {
  const relationships = await relationshipsOf(db, me, [other]);
  const coachTakesPart = (rel: Relationship) =>
    rel.coachId !== null && partiesOf({ userId: rel.coachId, roles: [] }, rel).includes('coach');
  return {
    open: relationships.some(coachTakesPart),
    meWasCoached: relationships.some((rel) => rel.coachId === other && partiesOf({ userId: me, roles: [] }, rel).includes('member')),
  };
}

/** Whether the link that lets these two people talk in `kind` is open now. */
export async function linkIsOpen(db: Db, kind: ConversationKind, x: string, y: string): Promise<boolean> {
  const active = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, [x, y]), eq(users.status, 'active')));
  if (active.length !== 2) return false;
  if (kind === 'coaching') return (await coachingBetween(db, x, y)).open;
  if (kind === 'buddy') {
    const [row] = await db
      .select({ id: buddyRequests.id })
      .from(buddyRequests)
      .where(
        and(
          eq(buddyRequests.status, 'matched'),
          sql`${buddyRequests.occursAt} > now() - make_interval(days => ${BUDDY_LIMITS.conversationDaysAfter})`,
          or(
            and(eq(buddyRequests.requesterId, x), eq(buddyRequests.buddyId, y)),
            and(eq(buddyRequests.requesterId, y), eq(buddyRequests.buddyId, x)),
          ),
        ),
      )
      .limit(1);
    return Boolean(row);
  }
  const [row] = await db
    .select({ id: partnerships.id })
    .from(partnerships)
    .where(and(eq(partnerships.status, 'active'), pairCondition(partnerships, x, y)))
    .limit(1);
  return Boolean(row);
}

/** One of the actor's conversations with what the policy decides on, loaded by `conversationAccess`. */
export interface ConversationAccess {
  id: string;
  kind: ConversationKind;
  otherId: string;
  lastSeq: number;
  /** The link is open now: either side may send. */
  linkOpen: boolean;
  /** The actor was the member (never the coach) of a coaching relationship with the other person. */
  coachedByOther: boolean;
}

const mayRead = (c: ConversationAccess) => c.linkOpen || c.kind !== 'coaching' || c.coachedByOther;

/**
 * What the actor may do in one of their conversations (the rules above). A conversation the actor is
 * not in never loads, so it is 404 before the policy is asked.
 */
export const conversationPolicy = definePolicy<Pick<Actor, 'userId'>, ConversationAccess>()(
  {
    /** The thread, its read receipts, marking it read. */
    read: (_actor, c) => mayRead(c),
    /** A new message. */
    send: (_actor, c) => c.linkOpen,
  },
  (action, _actor, c) =>
    action === 'send' && mayRead(c) ? conflict('This conversation has ended; you can read it but no longer send messages') : notFound(),
);

/** The actor's conversation `id` if they may take `action` in it; 404 for someone else's, 409 for sending to an ended one. */
export async function conversationAccess(
  db: Db,
  actor: Pick<Actor, 'userId'>,
  id: string,
  action: (typeof conversationPolicy.actions)[number] = 'read',
): Promise<ConversationAccess> {
  const userId = actor.userId;
  const [row] = await db
    .select({
      id: conversations.id,
      kind: conversations.kind,
      aId: conversations.aId,
      bId: conversations.bId,
      lastSeq: conversations.lastSeq,
    })
    .from(conversations)
    .where(and(eq(conversations.id, id), or(eq(conversations.aId, userId), eq(conversations.bId, userId))))
    .limit(1);
  if (!row) throw notFound();
  const otherId = row.aId === userId ? row.bId : row.aId;
  const linkOpen = await linkIsOpen(db, row.kind, userId, otherId);
  const coachedByOther = !linkOpen && row.kind === 'coaching' && (await coachingBetween(db, userId, otherId)).meWasCoached;
  const access = { id: row.id, kind: row.kind, otherId, lastSeq: row.lastSeq, linkOpen, coachedByOther };
  conversationPolicy.authorize(actor, action, access);
  return access;
}

/** SQL for the list: whether `me` may see conversation `c` (same rules as conversationAccess). */
export function visibleToSql(me: string) {
  return sql`(
    ${C.kind} IN ('partners', 'buddy')
    OR (${C.kind} = 'coaching' AND (
      EXISTS (SELECT 1 FROM coaching_relationships r
        WHERE r.member_id = ${me}
          AND r.coach_id = CASE WHEN ${C.aId} = ${me} THEN ${C.bId} ELSE ${C.aId} END)
      OR EXISTS (SELECT 1 FROM coaching_relationships r
        WHERE r.coach_id = ${me} AND r.status IN ('active', 'paused')
          AND r.member_id = CASE WHEN ${C.aId} = ${me} THEN ${C.bId} ELSE ${C.aId} END)
    ))
  )`;
}

/** SQL for the list: whether the link of conversation `c` is open now. */
export const linkOpenSql = sql`(
  NOT EXISTS (SELECT 1 FROM users u WHERE u.id IN (${C.aId}, ${C.bId}) AND u.status <> 'active')
  AND CASE ${C.kind}
    WHEN 'coaching' THEN EXISTS (SELECT 1 FROM coaching_relationships r
      WHERE r.status IN ('active', 'paused')
        AND ((r.coach_id = ${C.aId} AND r.member_id = ${C.bId})
          OR (r.coach_id = ${C.bId} AND r.member_id = ${C.aId})))
    WHEN 'partners' THEN EXISTS (SELECT 1 FROM partnerships p
      WHERE p.status = 'active'
        AND least(p.inviter_id, p.invitee_id) = ${C.aId}
        AND greatest(p.inviter_id, p.invitee_id) = ${C.bId})
    WHEN 'buddy' THEN EXISTS (SELECT 1 FROM buddy_requests q
      WHERE q.status = 'matched'
        AND q.occurs_at > now() - make_interval(days => ${BUDDY_LIMITS.conversationDaysAfter})
        AND least(q.requester_id, q.buddy_id) = ${C.aId}
        AND greatest(q.requester_id, q.buddy_id) = ${C.bId})
    ELSE false
  END
)`;

/** Everyone I may talk to now, by kind: my coach or my clients (active or paused), my active partners. */
export async function openLinks(db: Db, me: string): Promise<{ kind: ConversationKind; other: { id: string; alias: string } }[]> {
  type Row = { kind: ConversationKind; id: string; alias: string };
  const result = (await db.execute(sql`
    SELECT l.kind, l.other_id AS id, p.alias
    FROM (
      SELECT 'coaching' AS kind, CASE WHEN r.coach_id = ${me} THEN r.member_id ELSE r.coach_id END AS other_id
      FROM coaching_relationships r
      WHERE r.status IN ('active', 'paused') AND (r.coach_id = ${me} OR r.member_id = ${me}) AND r.coach_id IS NOT NULL
      UNION
      SELECT 'partners', CASE WHEN x.inviter_id = ${me} THEN x.invitee_id ELSE x.inviter_id END
      FROM partnerships x
      WHERE x.status = 'active' AND (x.inviter_id = ${me} OR x.invitee_id = ${me})
    ) l
    JOIN users u ON u.id = l.other_id AND u.status = 'active'
    JOIN profiles p ON p.user_id = l.other_id
    ORDER BY p.alias`)) as unknown as { rows: Row[] };
  return result.rows.map((row) => ({ kind: row.kind, other: { id: row.id, alias: row.alias } }));
}
