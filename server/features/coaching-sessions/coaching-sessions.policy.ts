import { eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { RelationshipStatus } from '../../../shared/contracts/coaching-base.ts';
import { NOTE_REVIEW_PURPOSE, type RelationshipRef } from '../../../shared/contracts/coaching-sessions.ts';
import type { Role } from '../../../shared/contracts/common.ts';
import type { Db } from '../../db/client.ts';
import { profiles, users } from '../../db/schema/accounts.ts';
import { coachingRelationships } from '../../db/schema/coaching.ts';
import { notFound } from '../../lib/app-error.ts';
import type { Actor } from '../../plugins/session.ts';
import { logAccess } from '../consent/consent.policy.ts';

/**
 * Who may see and do what with a relationship's sessions, notes and referrals.
 *
 * - The member sees every session and every note about them, always (their own record).
 * - The relationship's coach sees and writes them once the member has accepted (active or paused);
 *   before that (proposed) the coach is told nothing, not even who the member is, and once it ends
 *   (closed, transferred) the coach no longer reads the member's notes.
 * - Supervisors and admins review: their reads of notes are reads of another person's record, so
 *   each one is written to the member's access log under `coaching_notes` (never grantable).
 * - Anyone else gets 404, as if the relationship did not exist.
 */
export const REVIEW_ROLES: readonly Role[] = ['supervisor', 'admin'];
export const isReviewer = (actor: Actor) => actor.roles.some((role) => REVIEW_ROLES.includes(role));

export interface RelationshipRow {
  id: string;
  status: RelationshipStatus;
  coachId: string | null;
  memberId: string;
  coachAlias: string | null;
  memberAlias: string;
  memberActive: boolean;
}

const coachProfile = alias(profiles, 'rel_coach_profile');
const memberProfile = alias(profiles, 'rel_member_profile');

export async function loadRelationship(db: Db, id: string): Promise<RelationshipRow | null> {
  const [row] = await db
    .select({
      id: coachingRelationships.id,
      status: coachingRelationships.status,
      coachId: coachingRelationships.coachId,
      memberId: coachingRelationships.memberId,
      coachAlias: coachProfile.alias,
      memberAlias: memberProfile.alias,
      memberStatus: users.status,
    })
    .from(coachingRelationships)
    .innerJoin(users, eq(users.id, coachingRelationships.memberId))
    .innerJoin(memberProfile, eq(memberProfile.userId, coachingRelationships.memberId))
    .leftJoin(coachProfile, eq(coachProfile.userId, coachingRelationships.coachId))
    .where(eq(coachingRelationships.id, id))
    .limit(1);
  if (!row) return null;
  const { memberStatus, ...rest } = row;
  return { ...rest, memberActive: memberStatus === 'active' };
}

export type Viewer = 'member' | 'coach' | 'supervisor';

/** Where the coach takes part: after the member accepted, until the relationship ends. */
const COACH_STATUSES: readonly RelationshipStatus[] = ['active', 'paused'];

/** How the actor relates to the relationship, or null when they may not see it at all. */
export function viewerOf(actor: Actor, rel: RelationshipRow): Viewer | null {
  if (actor.userId === rel.memberId) return 'member';
  if (actor.userId === rel.coachId && COACH_STATUSES.includes(rel.status)) return 'coach';
  if (isReviewer(actor) && rel.memberActive) return 'supervisor';
  return null;
}

export function relationshipRef(rel: RelationshipRow, viewer: Viewer): RelationshipRef {
  return {
    id: rel.id,
    status: rel.status,
    coach: rel.coachId ? { id: rel.coachId, alias: rel.coachAlias ?? '' } : null,
    member: { id: rel.memberId, alias: rel.memberAlias },
    viewer,
  };
}

/** A relationship the actor may see (schedules and the page frame: no access-log row). */
export async function relationshipForViewer(db: Db, actor: Actor, id: string) {
  const rel = await loadRelationship(db, id);
  const viewer = rel ? viewerOf(actor, rel) : null;
  if (!rel || !viewer) throw notFound();
  return { rel, viewer };
}

/** The relationship's own coach, once accepted and until it ends: the only one who writes sessions, notes and referrals. */
export async function relationshipForCoach(db: Db, actor: Actor, id: string) {
  const rel = await loadRelationship(db, id);
  if (!rel || rel.coachId !== actor.userId || !COACH_STATUSES.includes(rel.status)) throw notFound();
  return rel;
}

/**
 * Decides a read of the notes (and referrals) about a relationship's member, and logs it when it is a
 * supervisor's review. Returns the viewer; throws 404 for anyone else.
 */
export async function authorizeNotesRead(db: Db, actor: Actor, rel: RelationshipRow): Promise<Viewer> {
  const viewer = viewerOf(actor, rel);
  if (!viewer) throw notFound();
  if (viewer === 'supervisor') await logNoteReview(db, actor, rel.memberId);
  return viewer;
}

/** One access-log row for a supervisor's read of notes about `memberId`. */
export async function logNoteReview(db: Db, actor: Actor, memberId: string) {
  await logAccess(db, actor, memberId, 'coaching_notes', { via: 'role', purpose: NOTE_REVIEW_PURPOSE });
}
