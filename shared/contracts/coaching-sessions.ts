import { z } from 'zod';
import { contactTypeSchema, relationshipStatusSchema } from './coaching-base.ts';
import { calendarDaySchema, idSchema, instantSchema, isoDate } from './common.ts';
import { lifeDomainSchema } from './plans.ts';

/**
 * Coaching sessions (scheduled contacts), the coach's notes about each contact, and the referrals
 * a note records. Limits are shared so the forms refuse what the server would.
 */
export const COACHING_SESSION_LIMITS = {
  durationMin: 5,
  durationMax: 480,
  /** How far ahead a session can be booked. */
  aheadDays: 366,
  locationMax: 200,
  videoUrlMax: 500,
  messageMax: 500,
  summaryMax: 4000,
  nextStepsMax: 2000,
  goalsMax: 20,
  goalMax: 200,
  referralsMax: 10,
  serviceMax: 120,
  referralReasonMax: 500,
  correctionReasonMax: 500,
  returnCommentMax: 1000,
  revisionsMax: 50,
  listMax: 200,
} as const;
const L = COACHING_SESSION_LIMITS;

const personRef = z.object({ id: z.uuid(), alias: z.string() });

export const SESSION_STATUSES = ['scheduled', 'completed', 'cancelled', 'missed'] as const;
export const sessionStatusSchema = z.enum(SESSION_STATUSES);
export type SessionStatus = z.infer<typeof sessionStatusSchema>;

export const REFERRAL_STATUSES = ['open', 'connected', 'declined', 'closed'] as const;
export const referralStatusSchema = z.enum(REFERRAL_STATUSES);
export type ReferralStatus = z.infer<typeof referralStatusSchema>;

/** A video link the member will click: https only, no credentials in it. */
export const videoUrlSchema = z
  .string()
  .trim()
  .max(L.videoUrlMax)
  .pipe(z.url({ protocol: /^https$/, hostname: z.regexes.domain, error: 'Use an https:// link' }))
  .refine((value) => {
    const url = URL.canParse(value) ? new URL(value) : null;
    return url === null || (url.username === '' && url.password === '');
  }, 'A link without a user name or password');

const durationSchema = z.number().int().min(L.durationMin).max(L.durationMax);
const locationSchema = z.string().trim().min(1).max(L.locationMax);

// ---------------------------------------------------------------------------------------------
// Sessions

const sessionFields = {
  /** ISO 8601 with an offset; the server checks it is ahead and within a year. */
  scheduledAt: instantSchema,
  durationMinutes: durationSchema,
  contactType: contactTypeSchema,
  /** Where to meet (in person only). */
  location: locationSchema.nullable().optional(),
  /** The video call link (video only). */
  videoUrl: videoUrlSchema.nullable().optional(),
};

type PlaceFields = { contactType?: string; location?: string | null; videoUrl?: string | null };
/** The place fits the type: a video session has its link; a link or an address only where it belongs. */
function checkPlace(value: PlaceFields, ctx: z.RefinementCtx, partial: boolean) {
  if (value.contactType === undefined && partial) return;
  if (value.contactType === 'video' && !value.videoUrl && !partial) {
    ctx.addIssue({ code: 'custom', path: ['videoUrl'], message: 'A video session needs its link' });
  }
  if (value.contactType !== 'video' && value.videoUrl) {
    ctx.addIssue({ code: 'custom', path: ['videoUrl'], message: 'Only a video session has a link' });
  }
  if (value.contactType !== 'in_person' && value.location) {
    ctx.addIssue({ code: 'custom', path: ['location'], message: 'Only an in-person session has a place' });
  }
}

export const createSessionSchema = z
  .object({
    ...sessionFields,
    /** A few words for the member, shown in their notification. */
    message: z.string().trim().max(L.messageMax).nullable().optional(),
  })
  .strict()
  .superRefine((value, ctx) => checkPlace(value, ctx, false));
export type CreateSession = z.infer<typeof createSessionSchema>;

/** A change of time, length, type or place; a change of type sends its place along. */
export const updateSessionSchema = z
  .object({
    scheduledAt: sessionFields.scheduledAt.optional(),
    durationMinutes: durationSchema.optional(),
    contactType: contactTypeSchema.optional(),
    location: sessionFields.location,
    videoUrl: sessionFields.videoUrl,
  })
  .strict()
  .refine((value) => Object.values(value).some((v) => v !== undefined), 'Nothing to change')
  .superRefine((value, ctx) => checkPlace(value, ctx, true));
export type UpdateSession = z.infer<typeof updateSessionSchema>;

export const sessionOutcomeSchema = z.object({ status: z.enum(['completed', 'missed', 'cancelled']) }).strict();

export const sessionSchema = z.object({
  id: z.uuid(),
  relationshipId: z.uuid(),
  coach: personRef,
  member: personRef,
  scheduledAt: isoDate,
  durationMinutes: z.number().int(),
  contactType: contactTypeSchema,
  location: z.string().nullable(),
  videoUrl: z.string().nullable(),
  status: sessionStatusSchema,
  /** The note documenting this session, if the coach wrote one. */
  noteId: z.uuid().nullable(),
  createdAt: isoDate,
  updatedAt: isoDate,
});
export type CoachingSession = z.infer<typeof sessionSchema>;

/** Who the viewer is in this relationship: the page shows the coach's tools or the member's view. */
export const VIEWER_ROLES = ['coach', 'member', 'supervisor'] as const;
export const relationshipRefSchema = z.object({
  id: z.uuid(),
  status: relationshipStatusSchema,
  coach: personRef.nullable(),
  member: personRef,
  viewer: z.enum(VIEWER_ROLES),
});
export type RelationshipRef = z.infer<typeof relationshipRefSchema>;

export const relationshipSessionsSchema = z.object({ relationship: relationshipRefSchema, sessions: z.array(sessionSchema) });
export type RelationshipSessions = z.infer<typeof relationshipSessionsSchema>;
export const sessionListSchema = z.object({ sessions: z.array(sessionSchema) });
export type SessionList = z.infer<typeof sessionListSchema>;

// ---------------------------------------------------------------------------------------------
// Notes and referrals

export const referralInputSchema = z
  .object({
    service: z.string().trim().min(1).max(L.serviceMax),
    reason: z.string().trim().max(L.referralReasonMax).nullable().optional(),
  })
  .strict();

/** A calendar day (YYYY-MM-DD) that exists, from 2000 on. */
export const noteDateSchema = calendarDaySchema(2000);

const noteFields = {
  /** The day of the contact, not after today anywhere on Earth (UTC+14: the form's default comes from the device). */
  occurredOn: noteDateSchema,
  durationMinutes: durationSchema,
  contactType: contactTypeSchema,
  lifeDomains: z
    .array(lifeDomainSchema)
    .max(20)
    .refine((list) => new Set(list).size === list.length, 'Each life domain once'),
  /** Plan goals the member moved forward, in a few words each. */
  goalsMoved: z.array(z.string().trim().min(1).max(L.goalMax)).max(L.goalsMax),
  summary: z.string().trim().max(L.summaryMax),
  nextSteps: z.string().trim().max(L.nextStepsMax),
};

/** What a note says about the contact; the date, length and kind of contact alone say nothing. */
export interface NoteContent {
  summary: string;
  nextSteps: string;
  goalsMoved: readonly string[];
  referrals?: readonly unknown[] | undefined;
}
/** A note must record something: what happened, a next step, a goal moved or a referral. */
export function noteHasContent(note: NoteContent): boolean {
  return note.summary.trim() !== '' || note.nextSteps.trim() !== '' || note.goalsMoved.length > 0 || (note.referrals?.length ?? 0) > 0;
}
export const EMPTY_NOTE_MESSAGE = 'Write what happened, a next step, a goal moved or a referral';

export const createNoteSchema = z
  .object({
    /** The scheduled session this note documents; none for an unscheduled contact. */
    sessionId: idSchema.nullable().optional(),
    ...noteFields,
    referrals: z.array(referralInputSchema).max(L.referralsMax).optional(),
  })
  .strict()
  .refine(noteHasContent, { message: EMPTY_NOTE_MESSAGE, path: ['summary'], params: { i18nKey: 'coachingSessions.note.empty' } });
export type CreateNote = z.infer<typeof createNoteSchema>;

const changeFields = {
  occurredOn: noteFields.occurredOn.optional(),
  durationMinutes: noteFields.durationMinutes.optional(),
  contactType: noteFields.contactType.optional(),
  lifeDomains: noteFields.lifeDomains.optional(),
  goalsMoved: noteFields.goalsMoved.optional(),
  summary: noteFields.summary.optional(),
  nextSteps: noteFields.nextSteps.optional(),
};
/**
 * A correction by the note's author. The text it replaces is kept as a revision; correcting a
 * signed-off note needs a reason, marks it corrected and sends it back for sign-off.
 */
export const updateNoteSchema = z
  .object({
    ...changeFields,
    reason: z.string().trim().min(1).max(L.correctionReasonMax).optional(),
  })
  .strict()
  .refine((value) => Object.keys(changeFields).some((key) => value[key as keyof typeof changeFields] !== undefined), 'Nothing to change');
export type UpdateNote = z.infer<typeof updateNoteSchema>;

/** A supervisor returns a note to its author for changes, saying what to change. */
export const returnNoteSchema = z.object({ comment: z.string().trim().min(1).max(L.returnCommentMax) }).strict();
export type ReturnNote = z.infer<typeof returnNoteSchema>;

export const referralSchema = z.object({
  id: z.uuid(),
  relationshipId: z.uuid(),
  noteId: z.uuid().nullable(),
  service: z.string(),
  reason: z.string().nullable(),
  status: referralStatusSchema,
  createdAt: isoDate,
  closedAt: isoDate.nullable(),
});
export type Referral = z.infer<typeof referralSchema>;
export const referralListSchema = z.object({ referrals: z.array(referralSchema) });
export const updateReferralSchema = z.object({ status: referralStatusSchema }).strict();

export const noteSchema = z.object({
  id: z.uuid(),
  relationshipId: z.uuid(),
  sessionId: z.uuid().nullable(),
  author: personRef,
  member: personRef,
  occurredOn: z.string(),
  durationMinutes: z.number().int(),
  contactType: contactTypeSchema,
  lifeDomains: z.array(lifeDomainSchema),
  goalsMoved: z.array(z.string()),
  summary: z.string(),
  nextSteps: z.string(),
  referrals: z.array(referralSchema),
  signedOff: z.object({ by: personRef, at: isoDate }).nullable(),
  /** Where it stands: waiting for a supervisor, returned to the coach for changes, or signed off. */
  status: z.enum(['awaiting_sign_off', 'returned', 'signed_off']),
  /**
   * The supervisor's request for changes, for the coach and supervisors; the member sees a returned
   * note as awaiting sign-off (supervision is between the coach and the supervisor).
   */
  returned: z.object({ by: personRef, at: isoDate, comment: z.string() }).nullable(),
  /** 1 for the first text; each correction adds one (earlier texts: GET …/notes/:id/revisions). */
  revision: z.number().int().min(1),
  /** Set once a signed-off note was corrected: the last such correction. */
  corrected: z.object({ at: isoDate }).nullable(),
  createdAt: isoDate,
  updatedAt: isoDate,
});
export type SessionNote = z.infer<typeof noteSchema>;

/** An earlier text of a note, with the sign-off it had and why it was replaced. */
export const noteRevisionSchema = z.object({
  revision: z.number().int().min(1),
  occurredOn: z.string(),
  durationMinutes: z.number().int(),
  contactType: contactTypeSchema,
  lifeDomains: z.array(lifeDomainSchema),
  goalsMoved: z.array(z.string()),
  summary: z.string(),
  nextSteps: z.string(),
  signedOff: z.object({ by: personRef, at: isoDate }).nullable(),
  replaced: z.object({ by: personRef.nullable(), at: isoDate, reason: z.string().nullable() }),
});
export type NoteRevision = z.infer<typeof noteRevisionSchema>;
export const noteRevisionListSchema = z.object({ revisions: z.array(noteRevisionSchema) });
export type NoteRevisionList = z.infer<typeof noteRevisionListSchema>;
export const noteListSchema = z.object({ notes: z.array(noteSchema) });
export type NoteList = z.infer<typeof noteListSchema>;

/** The purpose written to the member's access log when a supervisor reads notes about them. */
export const NOTE_REVIEW_PURPOSE = 'Supervision: note review';

// ---------------------------------------------------------------------------------------------
// My data

/** In the member's export: their sessions, every note about them, and the referrals made for them. */
export const coachingSessionsExportSchema = z.object({
  sessions: z.array(sessionSchema.omit({ noteId: true })),
  notes: z.array(noteSchema),
  referrals: z.array(referralSchema),
});
export type CoachingSessionsExport = z.infer<typeof coachingSessionsExportSchema>;
