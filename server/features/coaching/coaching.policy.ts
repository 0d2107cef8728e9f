import type { RelationshipAction } from '../../../shared/contracts/coaching.ts';
import type { RelationshipStatus } from '../../../shared/contracts/coaching-base.ts';
import type { Role } from '../../../shared/contracts/common.ts';
import { AppError } from '../../lib/app-error.ts';
import type { Actor } from '../../plugins/session.ts';

/**
 * Who may move a coaching relationship where. A person takes part in a relationship as its member,
 * its coach (only once the member has accepted: before that the coach is not told anything), or as
 * a supervisor; someone with none of these parts gets 404, as if the relationship did not exist.
 * Ending a row (withdrawn, declined, closed, transferred) is final: a member who declined a coach or
 * closed a relationship asks again with a new request, and the old row keeps its history.
 */

export type Party = 'member' | 'coach' | 'supervisor';
export const SUPERVISING_ROLES: readonly Role[] = ['supervisor', 'admin'];

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

export interface RelationshipParties {
  memberId: string;
  coachId: string | null;
  startedAt: Date | null;
}

export function partiesOf(actor: Actor, row: RelationshipParties): Party[] {
  const parties: Party[] = [];
  if (row.memberId === actor.userId) parties.push('member');
  if (row.coachId === actor.userId && row.startedAt !== null) parties.push('coach');
  if (actor.roles.some((role) => SUPERVISING_ROLES.includes(role))) parties.push('supervisor');
  return parties;
}

/** The actions these parties may take on a relationship in this status. */
export function allowedActions(parties: readonly Party[], status: RelationshipStatus): RelationshipAction[] {
  return (Object.keys(TRANSITIONS) as RelationshipAction[]).filter((action) => {
    const rule = TRANSITIONS[action];
    return rule.from.includes(status) && rule.by.some((party) => parties.includes(party));
  });
}

/**
 * Refuses an action the parties may not take now: 404 for people outside the relationship (and for a
 * coach before acceptance), 409 naming what is allowed when the status does not permit it.
 */
export function assertTransition(parties: readonly Party[], status: RelationshipStatus, action: RelationshipAction): Transition {
  if (parties.length === 0) throw new AppError('NOT_FOUND', 'Not found');
  const rule = TRANSITIONS[action];
  if (!rule.by.some((party) => parties.includes(party))) {
    // Someone who takes part but may never do this (a coach transferring): the same answer as a wrong status.
    throw notNow(action, status, allowedActions(parties, status));
  }
  if (!rule.from.includes(status)) throw notNow(action, status, allowedActions(parties, status));
  return rule;
}

function notNow(action: RelationshipAction, status: RelationshipStatus, allowed: RelationshipAction[]) {
  const now = allowed.length > 0 ? `allowed now: ${allowed.join(', ')}` : 'nothing can be changed now';
  return new AppError('CONFLICT', `Cannot ${action} a relationship that is ${status}; ${now}`);
}
