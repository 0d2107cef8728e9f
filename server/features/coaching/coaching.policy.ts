import type { RelationshipAction } from '../../../shared/contracts/coaching.ts';
import type { RelationshipStatus } from '../../../shared/contracts/coaching-base.ts';
import { inRoleGroup } from '../../../shared/contracts/roles.ts';
import { conflict, notFound } from '../../lib/app-error.ts';
import { definePolicy } from '../../lib/policy.ts';
import type { Actor } from '../../plugins/session.ts';

/**
 * Who takes part in a coaching relationship, and what each part may do to it. This is the one model of
 * who takes part: coaching-sessions (sessions, notes, referrals) and messages ask `partiesOf` too, and
 * state what each party may do to their own resources.
 *
 * - `member`: the person coached, in every status: it is their own record and history.
 * - `coach`: the relationship's coach once the member has accepted (started) and while it is active or
 *   paused. Before acceptance (proposed) the coach is no party at all and is told nothing.
 * - `former_coach`: the coach of an accepted relationship that has ended (closed, transferred). They
 *   still see its status and history here, and nothing of the member: no sessions, notes, referrals
 *   or messages (those features admit `coach` only).
 * - `supervisor`: supervisors and admins (ROLE_GROUPS.oversight), who match, transfer and review.
 *
 * Someone with no part gets 404, as if the relationship did not exist. Ending a row (withdrawn,
 * declined, closed, transferred) is final: a member who declined a coach or closed a relationship asks
 * again with a new request, and the old row keeps its history.
 */

export type Party = 'member' | 'coach' | 'former_coach' | 'supervisor';

/** What the party model reads of a relationship: coaching's own rows and other features' views of them fit. */
export interface Relationship {
  id: string;
  memberId: string;
  coachId: string | null;
  status: RelationshipStatus;
  startedAt: Date | null;
}

/** Whose part is asked: the signed-in person, or (messages) the other person of a conversation. */
export type PartyActor = Pick<Actor, 'userId' | 'roles'>;

/** Where an accepted coach takes part; after these the coach is a former coach. */
const COACH_STATUSES: readonly RelationshipStatus[] = ['active', 'paused'];

export function partiesOf(actor: PartyActor, rel: Relationship): Party[] {
  const parties: Party[] = [];
  if (rel.memberId === actor.userId) parties.push('member');
  if (rel.coachId === actor.userId && rel.startedAt !== null) parties.push(COACH_STATUSES.includes(rel.status) ? 'coach' : 'former_coach');
  if (inRoleGroup(actor.roles, 'oversight')) parties.push('supervisor');
  return parties;
}

interface Transition {
  from: readonly RelationshipStatus[];
  to: RelationshipStatus;
  by: readonly Party[];
}

/** Approval (requested → proposed) is matching's own step and not an action on one relationship. */
export const TRANSITIONS: Record<RelationshipAction, Transition> = {
  withdraw: { from: ['requested', 'proposed'], to: 'withdrawn', by: ['member'] },
  accept: { from: ['proposed'], to: 'active', by: ['member'] },
  decline: { from: ['proposed'], to: 'declined', by: ['member'] },
  pause: { from: ['active'], to: 'paused', by: ['member', 'coach', 'supervisor'] },
  resume: { from: ['paused'], to: 'active', by: ['member', 'coach', 'supervisor'] },
  close: { from: ['active', 'paused'], to: 'closed', by: ['member', 'coach', 'supervisor'] },
  transfer: { from: ['proposed', 'active', 'paused'], to: 'transferred', by: ['supervisor'] },
};
const RELATIONSHIP_ACTIONS = Object.keys(TRANSITIONS) as RelationshipAction[];

const has = (actor: PartyActor, rel: Relationship, ...wanted: Party[]) => partiesOf(actor, rel).some((p) => wanted.includes(p));
const transition =
  (action: RelationshipAction) =>
  (actor: PartyActor, rel: Relationship): boolean =>
    TRANSITIONS[action].from.includes(rel.status) && has(actor, rel, ...TRANSITIONS[action].by);

/**
 * What each party may do to a relationship. Its transitions are TRANSITIONS, one rule each. A refused
 * action is 404 for people outside the relationship (a coach before acceptance too), and 409 naming
 * what is allowed now for a party the status (or their part: a coach transferring) does not permit.
 */
export const relationshipPolicy = definePolicy<PartyActor, Relationship>()(
  {
    /** The relationship, its status and history. */
    read: (actor, rel) => partiesOf(actor, rel).length > 0,
    /** The member's wishes and note: for the member and the people matching them, not for the coach. */
    readIntake: (actor, rel) => has(actor, rel, 'member', 'supervisor'),
    ...(Object.fromEntries(RELATIONSHIP_ACTIONS.map((action) => [action, transition(action)])) as Record<
      RelationshipAction,
      (actor: PartyActor, rel: Relationship) => boolean
    >),
  },
  (action, actor, rel) => {
    if (partiesOf(actor, rel).length === 0 || action === 'read' || action === 'readIntake') return notFound();
    const allowed = allowedTransitions(actor, rel);
    const now = allowed.length > 0 ? `allowed now: ${allowed.join(', ')}` : 'nothing can be changed now';
    return conflict(`Cannot ${action} a relationship that is ${rel.status}; ${now}`);
  },
);

/** The changes `actor` may make now, in TRANSITIONS order (the response's `allowed`). */
export function allowedTransitions(actor: PartyActor, rel: Relationship): RelationshipAction[] {
  return RELATIONSHIP_ACTIONS.filter((action) => relationshipPolicy.can(actor, action, rel));
}
