import { and, eq, isNull } from 'drizzle-orm';
import { BUDDY_LIMITS, type BuddyEligibility } from '../../../shared/contracts/buddies.ts';
import type { Db } from '../../db/client.ts';
import { buddyVolunteers } from '../../db/schema/buddies.ts';
import { recoveryClocks } from '../../db/schema/clocks.ts';
import { AppError } from '../../lib/app-error.ts';
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

/** The actor's eligibility, or a 409 whose message the client can show as it is. */
export async function requireEligible(db: Db, actor: Actor, now: Date): Promise<void> {
  const eligibility = await volunteerEligibility(db, actor, now);
  if (!eligibility.eligible && eligibility.reason) throw new AppError('CONFLICT', INELIGIBLE_MESSAGES[eligibility.reason]);
}

/** An eligible, active volunteer, or 403: only volunteers see and answer requests. */
export async function requireActiveVolunteer(db: Db, actor: Actor, now: Date): Promise<void> {
  const [row] = await db
    .select({ active: buddyVolunteers.active })
    .from(buddyVolunteers)
    .where(eq(buddyVolunteers.personId, actor.userId))
    .limit(1);
  if (!row?.active) throw new AppError('FORBIDDEN', 'Only volunteers see and accept requests; volunteer first');
  await requireEligible(db, actor, now);
}
