import { z } from 'zod';
import {
  coachingPreferencesSchema,
  genderSchema,
  languageTagSchema,
  MAX_WEEKLY_SLOTS,
  PREFERENCE_KEYS,
  relationshipStatusSchema,
  specialtySchema,
  weeklySlotSchema,
} from './coaching-base.ts';
import { isoDate, timezoneSchema } from './common.ts';
import { SCOPES, scopeSchema } from './consent.ts';
import { pathwaySchema, RECOVERY_PATHWAYS } from './people.ts';

/**
 * Peer coaching: the coach's profile, a member's request for a coach, matching by a supervisor, the
 * relationship's life, and the supervisor's overview. Response schemas are the presenters: a field
 * not listed here never leaves the server (no email, no legal name).
 */

export const COACHING_LIMITS = {
  livedExperienceMax: 2000,
  certificationMax: 200,
  intakeNoteMax: 1000,
  reasonMax: 500,
  maxCaseload: 200,
  approvePairsMax: 200,
} as const;

const personRef = z.object({ id: z.uuid(), alias: z.string() });

/**
 * Preferences as the server sends them back. The request schema normalises language tags with a
 * transform, which a response schema cannot encode; stored values are already normalised.
 */
const shown = <T extends z.ZodType>(value: T) => z.object({ value, required: z.boolean() }).nullable();
export const preferencesViewSchema = z.object({
  gender: shown(z.array(genderSchema)),
  language: shown(z.array(z.string())),
  pathway: shown(z.array(pathwaySchema)),
  specialties: shown(z.array(specialtySchema)),
  times: shown(z.array(z.object({ day: z.number().int(), start: z.string(), end: z.string() }))),
  timezone: z.string(),
});
export type PersonRef = z.infer<typeof personRef>;

// ---------------------------------------------------------------------------------------------
// Coach profile

export const coachProfileSchema = z.object({
  userId: z.uuid(),
  alias: z.string(),
  livedExperience: z.string(),
  pathways: z.array(pathwaySchema),
  specialties: z.array(specialtySchema),
  languages: z.array(z.string()),
  gender: genderSchema.nullable(),
  timezone: z.string(),
  availability: z.array(weeklySlotSchema),
  maxCaseload: z.number().int(),
  seatsTaken: z.number().int(),
  certification: z.string().nullable(),
  accepting: z.boolean(),
  updatedAt: isoDate,
});
export type CoachProfile = z.infer<typeof coachProfileSchema>;
/** `profile` is null until the coach saves one; `timezone` is the zone a new profile starts in. */
export const ownCoachProfileSchema = z.object({ profile: coachProfileSchema.nullable(), timezone: z.string() });
export type OwnCoachProfile = z.infer<typeof ownCoachProfileSchema>;

export const putCoachProfileSchema = z
  .object({
    livedExperience: z.string().trim().max(COACHING_LIMITS.livedExperienceMax),
    pathways: z.array(pathwaySchema).max(RECOVERY_PATHWAYS.length),
    specialties: z.array(specialtySchema).max(20),
    languages: z.array(languageTagSchema).min(1).max(10),
    gender: genderSchema.nullable(),
    /** Defaults to the coach's profile time zone. */
    timezone: timezoneSchema.optional(),
    availability: z.array(weeklySlotSchema).max(MAX_WEEKLY_SLOTS),
    maxCaseload: z.number().int().min(0).max(COACHING_LIMITS.maxCaseload),
    certification: z.string().trim().max(COACHING_LIMITS.certificationMax).nullable(),
    accepting: z.boolean(),
  })
  .strict();
export type PutCoachProfile = z.infer<typeof putCoachProfileSchema>;

/** What a member sees of a coach to ask for one by name: never an email or legal name. */
export const coachCardSchema = z.object({
  id: z.uuid(),
  alias: z.string(),
  livedExperience: z.string(),
  pathways: z.array(pathwaySchema),
  specialties: z.array(specialtySchema),
  languages: z.array(z.string()),
  gender: genderSchema.nullable(),
  certification: z.string().nullable(),
});
export type CoachCard = z.infer<typeof coachCardSchema>;
export const coachCardListSchema = z.array(coachCardSchema);

// ---------------------------------------------------------------------------------------------
// Intake and the member's view

export const createRequestSchema = z
  .object({
    preferences: coachingPreferencesSchema,
    requestedCoachId: z.uuid().nullable().optional(),
    intakeNote: z.string().trim().max(COACHING_LIMITS.intakeNoteMax).nullable().optional(),
  })
  .strict();
export type CreateRequest = z.infer<typeof createRequestSchema>;

export const relationshipEventSchema = z.object({
  at: isoDate,
  actor: personRef.nullable(),
  fromStatus: relationshipStatusSchema.nullable(),
  toStatus: relationshipStatusSchema,
  reason: z.string().nullable(),
  scopes: z.array(scopeSchema).nullable(),
});
export type RelationshipEvent = z.infer<typeof relationshipEventSchema>;

export const RELATIONSHIP_ACTIONS = ['withdraw', 'accept', 'decline', 'pause', 'resume', 'close', 'transfer'] as const;
export const relationshipActionSchema = z.enum(RELATIONSHIP_ACTIONS);
export type RelationshipAction = z.infer<typeof relationshipActionSchema>;

/** The member's own request or relationship. */
export const memberRelationshipSchema = z.object({
  id: z.uuid(),
  status: relationshipStatusSchema,
  preferences: preferencesViewSchema,
  intakeNote: z.string().nullable(),
  requestedCoach: personRef.nullable(),
  /** The coach, once proposed. */
  coach: coachCardSchema.nullable(),
  /** What the member granted the coach (empty: alias and status only). */
  scopes: z.array(scopeSchema),
  requestedAt: isoDate,
  waitingDays: z.number().int(),
  proposedAt: isoDate.nullable(),
  startedAt: isoDate.nullable(),
  endedAt: isoDate.nullable(),
  endReason: z.string().nullable(),
  allowed: z.array(relationshipActionSchema),
  history: z.array(relationshipEventSchema),
});
export type MemberRelationship = z.infer<typeof memberRelationshipSchema>;
export const myCoachingSchema = z.object({ current: memberRelationshipSchema.nullable(), past: z.array(memberRelationshipSchema) });
export type MyCoaching = z.infer<typeof myCoachingSchema>;

/** A relationship as its coach or a supervisor sees it. Preferences and the note are for supervisors only. */
export const relationshipSchema = z.object({
  id: z.uuid(),
  status: relationshipStatusSchema,
  member: personRef,
  coach: personRef.nullable(),
  requestedAt: isoDate,
  proposedAt: isoDate.nullable(),
  startedAt: isoDate.nullable(),
  endedAt: isoDate.nullable(),
  endReason: z.string().nullable(),
  transferredTo: z.uuid().nullable(),
  scopes: z.array(scopeSchema),
  preferences: preferencesViewSchema.nullable(),
  intakeNote: z.string().nullable(),
  allowed: z.array(relationshipActionSchema),
  history: z.array(relationshipEventSchema),
});
export type Relationship = z.infer<typeof relationshipSchema>;

export const acceptSchema = z.object({ scopes: z.array(scopeSchema).max(SCOPES.length) }).strict();
const reasonText = z.string().trim().min(3).max(COACHING_LIMITS.reasonMax);
export const closeSchema = z.object({ reason: reasonText }).strict();
export const optionalReasonSchema = z.object({ reason: reasonText.optional() }).strict();
export const transferSchema = z.object({ coachId: z.uuid(), reason: reasonText }).strict();

// ---------------------------------------------------------------------------------------------
// Matching

export const waitingMemberSchema = z.object({
  requestId: z.uuid(),
  member: personRef,
  requestedAt: isoDate,
  waitingDays: z.number().int(),
  preferences: preferencesViewSchema,
  intakeNote: z.string().nullable(),
  requestedCoach: personRef.nullable(),
});
export const matchingCoachSchema = z.object({
  id: z.uuid(),
  alias: z.string(),
  seatsTaken: z.number().int(),
  maxCaseload: z.number().int(),
  freeSeats: z.number().int(),
  accepting: z.boolean(),
  languages: z.array(z.string()),
  gender: genderSchema.nullable(),
});
export const matchingBoardSchema = z.object({ waiting: z.array(waitingMemberSchema), coaches: z.array(matchingCoachSchema) });
export type MatchingBoard = z.infer<typeof matchingBoardSchema>;

export const COMPONENT_KEYS = [...PREFERENCE_KEYS, 'named_coach', 'waiting'] as const;
export const scoreComponentSchema = z.object({
  key: z.enum(COMPONENT_KEYS),
  required: z.boolean(),
  points: z.number(),
  maxPoints: z.number(),
  detail: z.record(z.string(), z.unknown()),
});
export type ScoreComponentView = z.infer<typeof scoreComponentSchema>;

export const suggestionSchema = z.object({
  pairs: z.array(
    z.object({ requestId: z.uuid(), member: personRef, coach: personRef, total: z.number(), components: z.array(scoreComponentSchema) }),
  ),
  unmatched: z.array(
    z.object({
      requestId: z.uuid(),
      member: personRef,
      reason: z.enum(['no_feasible_coach', 'no_free_seat']),
      /** Per hard requirement: how many coaches with free seats fail it. */
      unmetBy: z.partialRecord(z.enum(PREFERENCE_KEYS), z.number().int()).nullable(),
      feasibleCoaches: z.number().int().nullable(),
    }),
  ),
  /** Per waiting member, the best-fitting coaches with a free seat who meet all their hard requirements (for overrides), the suggested one included. */
  options: z.array(z.object({ requestId: z.uuid(), coaches: z.array(z.object({ coach: personRef, total: z.number() })) })),
  total: z.number(),
});
export type Suggestion = z.infer<typeof suggestionSchema>;

export const approveSchema = z
  .object({
    pairs: z
      .array(z.object({ requestId: z.uuid(), coachId: z.uuid() }).strict())
      .min(1)
      .max(COACHING_LIMITS.approvePairsMax),
  })
  .strict();
export const approveResultSchema = z.object({ approved: z.array(z.object({ requestId: z.uuid(), member: personRef, coach: personRef })) });

// ---------------------------------------------------------------------------------------------
// Supervisor overview

export const SESSION_WEEKS = 4;
export const supervisionSchema = z.object({
  coaches: z.array(
    z.object({
      coach: personRef,
      seatsTaken: z.number().int(),
      maxCaseload: z.number().int(),
      accepting: z.boolean(),
      proposed: z.number().int(),
      active: z.number().int(),
      paused: z.number().int(),
      /** Sessions held per week, oldest week first (each a 7-day window ending now). */
      sessionsByWeek: z.array(z.number().int()).length(SESSION_WEEKS),
      sessionsPerWeek: z.number(),
      notesAwaitingSignOff: z.number().int(),
    }),
  ),
  unassigned: z.array(z.object({ requestId: z.uuid(), member: personRef, requestedAt: isoDate, waitingDays: z.number().int() })),
  totals: z.object({
    coaches: z.number().int(),
    seatsTaken: z.number().int(),
    maxCaseload: z.number().int(),
    active: z.number().int(),
    paused: z.number().int(),
    unassigned: z.number().int(),
    longestWaitDays: z.number().int(),
    sessionsLastWeeks: z.number().int(),
    notesAwaitingSignOff: z.number().int(),
  }),
});
export type Supervision = z.infer<typeof supervisionSchema>;

// ---------------------------------------------------------------------------------------------
// My data: the member's requests and relationships with their history, and a coach's own profile

export const coachingExportSchema = z.object({
  relationships: z.array(
    z.object({
      id: z.uuid(),
      status: relationshipStatusSchema,
      coach: personRef.nullable(),
      preferences: preferencesViewSchema,
      intakeNote: z.string().nullable(),
      requestedAt: isoDate,
      proposedAt: isoDate.nullable(),
      startedAt: isoDate.nullable(),
      endedAt: isoDate.nullable(),
      endReason: z.string().nullable(),
      history: z.array(relationshipEventSchema),
    }),
  ),
  coachProfile: coachProfileSchema.omit({ alias: true }).nullable(),
});
export type CoachingExport = z.infer<typeof coachingExportSchema>;
