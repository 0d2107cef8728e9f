import { NOTE_REVIEW_PURPOSE, type RelationshipRef } from '../../../shared/contracts/coaching-sessions.ts';
import { inRoleGroup } from '../../../shared/contracts/roles.ts';
import type { Db } from '../../db/client.ts';
import { conflict, forbidden, notFound } from '../../lib/app-error.ts';
import { definePolicy } from '../../lib/policy.ts';
import type { Actor } from '../../plugins/session.ts';
import { partiesOf, type RelationshipWithPeople, relationshipWithPeople } from '../coaching/coaching.public.ts';
import { logAccess } from '../consent/consent.public.ts';

/**
 * Who may see and do what with a relationship's sessions, notes and referrals, by coaching's party
 * model (partiesOf):
 *
 * - The member sees every session and every note about them, always (their own record).
 * - The coach (party `coach`: accepted, active or paused) sees and writes them; a proposed coach is no
 *   party and is told nothing, not even who the member is, and a former coach (closed, transferred)
 *   no longer reads the member's notes.
 * - Supervisors and admins review while the member's account is active: their reads of notes are reads
 *   of another person's record, so each one is written to the member's access log under
 *   `coaching_notes` (never grantable).
 * - Anyone else gets 404, as if the relationship did not exist.
 */

export type Viewer = RelationshipRef['viewer'];

/** How the actor appears on the relationship page (the response's `viewer`), or null when they are no reader. */
export function viewerOf(actor: Actor, rel: RelationshipWithPeople): Viewer | null {
  const parties = partiesOf(actor, rel);
  if (parties.includes('member')) return 'member';
  if (parties.includes('coach')) return 'coach';
  // A disabled or deleted member's record is gone for reviewers, as everywhere.
  if (parties.includes('supervisor') && rel.memberActive) return 'supervisor';
  return null;
}

const isCoach = (actor: Actor, rel: RelationshipWithPeople) => partiesOf(actor, rel).includes('coach');

/** The 409s of a coach asking at the wrong moment; every other refusal is 404. */
const NOT_NOW = {
  schedule: 'Sessions can be scheduled only while the relationship is active',
  reschedule: 'Sessions can be changed only while the relationship is active',
} as const;

export const relationshipRecordsPolicy = definePolicy<Actor, RelationshipWithPeople>()(
  {
    /** The page frame, its sessions, notes and referrals (a supervisor's read of notes is logged). */
    read: (actor, rel) => viewerOf(actor, rel) !== null,
    /** A session's calendar file: only the two people meeting. */
    attend: (actor, rel) => ['member', 'coach'].includes(viewerOf(actor, rel) ?? ''),
    /** Notes, referrals and a session's outcome: the relationship's coach alone. */
    write: isCoach,
    /** Booking a session: the coach, while the relationship is active (not paused). */
    schedule: (actor, rel) => isCoach(actor, rel) && rel.status === 'active',
    /** Moving a booked session: the same. */
    reschedule: (actor, rel) => isCoach(actor, rel) && rel.status === 'active',
  },
  (action, actor, rel) => (action in NOT_NOW && isCoach(actor, rel) ? conflict(NOT_NOW[action as keyof typeof NOT_NOW]) : notFound()),
);
type RecordsAction = (typeof relationshipRecordsPolicy.actions)[number];

/** The relationship `id` if the actor may take `action` on its records; 404 when it does not exist. */
export async function authorizedRelationship(db: Db, actor: Actor, id: string, action: RecordsAction) {
  const rel = await relationshipWithPeople(db, id);
  if (!rel) throw notFound();
  relationshipRecordsPolicy.authorize(actor, action, rel);
  return rel;
}

export function relationshipRef(rel: RelationshipWithPeople, viewer: Viewer): RelationshipRef {
  return {
    id: rel.id,
    status: rel.status,
    coach: rel.coachId ? { id: rel.coachId, alias: rel.coachAlias ?? '' } : null,
    member: { id: rel.memberId, alias: rel.memberAlias },
    viewer,
  };
}

/**
 * Decides a read of the notes (and referrals) about a relationship's member, and logs it when it is a
 * supervisor's review. Throws 404 for anyone else.
 */
export async function authorizeNotesRead(db: Db, actor: Actor, id: string): Promise<RelationshipWithPeople> {
  const rel = await authorizedRelationship(db, actor, id, 'read');
  if (viewerOf(actor, rel) === 'supervisor') await logNoteReview(db, actor, rel.memberId);
  return rel;
}

/** One access-log row for a supervisor's read of notes about `memberId`. */
export async function logNoteReview(db: Db, actor: Actor, memberId: string) {
  await logAccess(db, actor, memberId, 'coaching_notes', { via: 'role', purpose: NOTE_REVIEW_PURPOSE });
}

/** What signing off a note depends on. */
export interface NoteUnderReview {
  authorId: string;
  memberActive: boolean;
}

const reviews = (actor: Actor, note: NoteUnderReview) =>
  inRoleGroup(actor.roles, 'oversight') && note.memberActive && note.authorId !== actor.userId;

/**
 * Signing off and returning for changes: supervisors and admins, for notes about active members
 * (others are gone, 404), never their own note (403: someone else reviews it).
 */
export const notePolicy = definePolicy<Actor, NoteUnderReview>()({ signOff: reviews, return: reviews }, (action, actor, note) =>
  inRoleGroup(actor.roles, 'oversight') && note.memberActive
    ? forbidden(action === 'signOff' ? 'Someone else signs off your own note' : 'Someone else reviews your own note').withKey(
        'notes.ownNote',
      )
    : notFound(),
);
