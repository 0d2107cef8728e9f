import { z } from 'zod';
import { instantSchema } from './common.ts';

/**
 * First-meeting buddies: a member who would rather not walk into a meeting alone asks for company for
 * one occurrence; a volunteer (a coach, or a member with 90 days or more on a recovery clock) accepts;
 * the two are then connected by a 'buddy' conversation.
 */

export const BUDDY_LIMITS = {
  aboutMax: 500,
  noteMax: 300,
  /** Open requests one member may have at a time. */
  openPerMember: 3,
  /** Occurrences offered to choose from, and how far ahead one may be asked for. */
  occurrencesShown: 4,
  horizonDays: 60,
  /** Days on a recovery clock before a member may volunteer. */
  volunteerDays: 90,
  /** The buddy conversation stays open this many days after the meeting. */
  conversationDaysAfter: 7,
} as const;

export const BUDDY_REQUEST_STATUSES = ['open', 'matched', 'cancelled', 'expired'] as const;
export const buddyRequestStatusSchema = z.enum(BUDDY_REQUEST_STATUSES);

/** Why someone may not volunteer (yet); the client explains each kindly. */
export const BUDDY_INELIGIBLE_REASONS = ['no_clock', 'too_soon', 'role'] as const;
export const buddyEligibilitySchema = z.object({
  eligible: z.boolean(),
  reason: z.enum(BUDDY_INELIGIBLE_REASONS).nullable(),
  /** Days on the member's longest current run (null for coaches and members without a clock). */
  days: z.number().int().min(0).nullable(),
  daysNeeded: z.number().int(),
});
export type BuddyEligibility = z.infer<typeof buddyEligibilitySchema>;

export const volunteerSchema = z.object({ about: z.string().trim().max(BUDDY_LIMITS.aboutMax) }).strict();

const meetingRef = z.object({
  id: z.uuid(),
  name: z.string(),
  fellowship: z.string().nullable(),
  attendanceMode: z.string(),
  /** Where, in broad terms: the venue name or city; never more than the public directory shows. */
  place: z.string().nullable(),
  timezone: z.string(),
});

export const myBuddyRequestSchema = z.object({
  id: z.uuid(),
  meeting: meetingRef,
  occursAt: z.iso.datetime({ offset: true }),
  note: z.string(),
  status: buddyRequestStatusSchema,
  /** Once matched: who is coming with me (alias only) and our conversation. */
  buddy: z.object({ alias: z.string() }).nullable(),
  conversationId: z.uuid().nullable(),
  /** Whether I am the buddy (true) or the one who asked (false). */
  iAmBuddy: z.boolean(),
});
export type MyBuddyRequest = z.infer<typeof myBuddyRequestSchema>;

export const buddyOverviewSchema = z.object({
  eligibility: buddyEligibilitySchema,
  volunteer: z.object({ about: z.string(), active: z.boolean() }).nullable(),
  /** Requests I made and requests I accepted, soonest first. */
  requests: z.array(myBuddyRequestSchema),
});
export type BuddyOverview = z.infer<typeof buddyOverviewSchema>;

export const createBuddyRequestSchema = z
  .object({
    meetingId: z.uuid(),
    occursAt: instantSchema,
    note: z.string().trim().max(BUDDY_LIMITS.noteMax).default(''),
  })
  .strict();
export type CreateBuddyRequest = z.infer<typeof createBuddyRequestSchema>;

/** What a volunteer sees of a request: the requester's alias and note, the meeting, the time. Nothing else. */
export const openBuddyRequestSchema = z.object({
  id: z.uuid(),
  requesterAlias: z.string(),
  meeting: meetingRef,
  occursAt: z.iso.datetime({ offset: true }),
  /** The same instant in the volunteer's own zone. */
  localTime: z.string(),
  note: z.string(),
});
export type OpenBuddyRequest = z.infer<typeof openBuddyRequestSchema>;
export const openBuddyRequestListSchema = z.object({ requests: z.array(openBuddyRequestSchema), timezone: z.string() });

export const meetingOccurrencesSchema = z.object({
  /** False for a meeting by appointment or inactive: nobody can be asked along. */
  bookable: z.boolean(),
  occurrences: z.array(z.iso.datetime({ offset: true })),
});

/** "My data": my volunteer offer, the requests I made and the ones I accepted. */
export const buddiesExportSchema = z.object({
  volunteer: z.object({ about: z.string(), active: z.boolean(), createdAt: z.iso.datetime() }).nullable(),
  asked: z.array(
    z.object({
      meeting: z.string(),
      occursAt: z.iso.datetime(),
      note: z.string(),
      status: buddyRequestStatusSchema,
      buddy: z.string().nullable(),
      createdAt: z.iso.datetime(),
    }),
  ),
  /** Requests I said yes to: who asked (alias), for which meeting and when. Their note is theirs, not mine. */
  accompanied: z.array(
    z.object({ meeting: z.string(), occursAt: z.iso.datetime(), requester: z.string(), matchedAt: z.iso.datetime().nullable() }),
  ),
});
