import { and, eq, isNull } from 'drizzle-orm';
import { BUDDY_LIMITS, type BuddyEligibility } from '../../../shared/contracts/buddies.ts';
import type { Db } from '../../db/client.ts';
import { buddyVolunteers } from '../../db/schema/buddies.ts';
import { recoveryClocks } from '../../db/schema/clocks.ts';
import { conflict, forbidden } from '../../lib/app-error.ts';
import { definePolicy } from '../../lib/policy.ts';
import type { Actor } from '../../plugins/session.ts';
import { runLength } from '../clocks/clocks.public.ts';

/**
 * Who may go with a newcomer to a meeting.
 *
 * - Coaches: always (it is part of peer work).
 * - Members: when one of their active (not archived) recovery clocks has run 90 days or more since it
 *   last started, counted in the member's own zone like the clock page shows it. Any kind of clock
 *   counts (abstinence, recovery or harm reduction: the member defines their recovery); totals of
 *   earlier runs do not, because a reset means the member is starting again and may need the support
 *   themselves. The rule is checked when volunteering, when listing requests and when accepting, so a
 *   reset pauses volunteering without anyone having to notice.
 * - Anyone else: not eligible.
 */
export async function volunteerEligibility(db: Db, actor: Actor, now: Date): Promise<BuddyEligibility> {
  const daysNeeded = BUDDY_LIMITS.volunteerDays;
  if (actor.roles.includes('coach')) return { eligible: true, reason: null, days: null, daysNeeded };
  if (!actor.roles.includes('member')) return { eligible: false, reason: 'role', days: null, daysNeeded };
  const clocks = await db
    .select({ startedAt: recoveryClocks.startedAt })
    .from(recoveryClocks)
    .where(and(eq(recoveryClocks.userId, actor.userId), isNull(recoveryClocks.archivedAt)));
  if (clocks.length === 0) return { eligible: false, reason: 'no_clock', days: null, daysNeeded };
  const days = Math.max(...clocks.map((clock) => runLength(clock.startedAt, now, actor.timezone).days));
  return days >= daysNeeded
    ? { eligible: true, reason: null, days, daysNeeded }
    : { eligible: false, reason: 'too_soon', days, daysNeeded };
}

const INELIGIBLE_MESSAGES: Record<NonNullable<BuddyEligibility['reason']>, string> = {
  no_clock: 'Volunteering opens once a recovery clock shows 90 days',
  too_soon: 'Volunteering opens once a recovery clock shows 90 days',
  role: 'Volunteering is for members and coaches',
};

/** What the volunteering rules decide on: the actor's eligibility now, and whether they switched volunteering on. */
export interface VolunteerStanding {
  eligibility: BuddyEligibility;
  active: boolean;
}

/**
 * What an actor may do as a volunteer. A refusal the client shows as it is: 403 for someone who has
 * not volunteered, 409 naming why an ineligible person cannot (yet).
 */
export const volunteerPolicy = definePolicy<Actor, VolunteerStanding>()(
  {
    /** Switch volunteering on or change its settings. */
    volunteer: (_actor, standing) => standing.eligibility.eligible,
    /** See open requests and say yes to one: eligible volunteers. */
    answerRequests: (_actor, standing) => standing.active && standing.eligibility.eligible,
  },
  (action, _actor, standing) =>
    action === 'answerRequests' && !standing.active
      ? forbidden('Only volunteers see and accept requests; volunteer first')
      : conflict(INELIGIBLE_MESSAGES[standing.eligibility.reason ?? 'role']),
);

/** Loads the actor's standing and returns when they may take `action`; otherwise the policy's refusal. */
export async function authorizeVolunteer(db: Db, actor: Actor, now: Date, action: (typeof volunteerPolicy.actions)[number]) {
  const [row] = await db
    .select({ active: buddyVolunteers.active })
    .from(buddyVolunteers)
    .where(eq(buddyVolunteers.personId, actor.userId))
    .limit(1);
  const standing = { eligibility: await volunteerEligibility(db, actor, now), active: row?.active ?? false };
  volunteerPolicy.authorize(actor, action, standing);
}
