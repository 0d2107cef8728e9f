import { z } from 'zod';
import { calendarDaySchema, isoDate } from './common.ts';
import { attendanceModeSchema } from './meetings-feed.ts';

/**
 * "My meetings": saved meetings, "I went" (self-reported or verified with the secretary's code of the
 * day), the secretaries who hand out those codes, and the private calendar address of saved meetings.
 */
export const MY_MEETINGS_LIMITS = {
  /** "I went" can be logged for today and up to this many days back (in the meeting's zone). */
  backfillDays: 30,
  pageSize: 30,
  codeLength: 6,
  /** Wrong or right, a person may try this many codes per window before waiting. */
  codeTries: 10,
  codeTriesMinutes: 15,
} as const;

/** Letters and digits nobody mixes up when reading them aloud or off a whiteboard (no 0/O, 1/I/L, 5/S, 2/Z, 8/B). */
export const ATTENDANCE_CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';

const calendarDay = z.iso.date();
const hhmm = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'HH:MM');

export const meetingIdParams = z.object({ meetingId: z.uuid() });
export const secretaryParams = z.object({ id: z.uuid(), personId: z.uuid() });

export const savedMeetingSchema = z.object({
  meetingId: z.uuid(),
  name: z.string(),
  slug: z.string(),
  attendanceMode: attendanceModeSchema,
  types: z.array(z.string()),
  /** The meeting's own schedule (null day and time: by appointment). */
  day: z.number().int().nullable(),
  time: z.string().nullable(),
  timezone: z.string(),
  /** The current or next occurrence (ISO instant); null: by appointment. */
  nextStart: z.string().nullable(),
  /** That start in my zone (my profile's), to show as is. */
  startsLocal: z.object({ date: calendarDay, time: hhmm, weekday: z.number().int().min(0).max(6) }).nullable(),
  savedAt: isoDate,
});
export type SavedMeeting = z.infer<typeof savedMeetingSchema>;
export const savedMeetingListSchema = z.object({ timezone: z.string(), items: z.array(savedMeetingSchema) });
export type SavedMeetingList = z.infer<typeof savedMeetingListSchema>;

/** What a meeting's page needs to show its buttons to a signed-in person. */
export const myMeetingStatusSchema = z.object({
  saved: z.boolean(),
  /** Today in the meeting's zone: the day "I went" and the code are for. */
  today: calendarDay,
  attendedToday: z.object({ id: z.uuid(), verified: z.boolean() }).nullable(),
  /** May issue today's code (a secretary of this meeting, or an administrator). */
  canIssueCode: z.boolean(),
});
export type MyMeetingStatus = z.infer<typeof myMeetingStatusSchema>;

/** Spaces, dashes and lower case are forgiven; the rest must come from the code alphabet. */
export const attendanceCodeInput = z
  .string()
  .max(20)
  .transform((s) => s.replace(/[\s-]/g, '').toUpperCase())
  .pipe(
    z
      .string()
      .length(MY_MEETINGS_LIMITS.codeLength, `The code has ${MY_MEETINGS_LIMITS.codeLength} characters`)
      .regex(new RegExp(`^[${ATTENDANCE_CODE_ALPHABET}]+$`), 'Letters and digits of the code only'),
  );

export const logAttendanceSchema = z
  .object({
    meetingId: z.uuid(),
    /** The meeting's local day; today there when absent. */
    attendedOn: calendarDaySchema().optional(),
    /** The secretary's code of the day (proof-of-attendance meetings). */
    code: attendanceCodeInput.optional(),
  })
  .strict();
export type LogAttendance = z.input<typeof logAttendanceSchema>;

export const attendanceEntrySchema = z.object({
  id: z.uuid(),
  /** Null when the meeting has since left the directory; its name is kept. */
  meetingId: z.uuid().nullable(),
  meetingName: z.string(),
  attendedOn: calendarDay,
  verified: z.boolean(),
  createdAt: isoDate,
});
export type AttendanceEntry = z.infer<typeof attendanceEntrySchema>;

export const attendanceQuerySchema = z.object({ cursor: z.string().max(100).optional() }).strict();
export const attendancePageSchema = z.object({ items: z.array(attendanceEntrySchema), nextCursor: z.string().nullable() });
export type AttendancePage = z.infer<typeof attendancePageSchema>;

export const secretarySchema = z.object({ personId: z.uuid(), alias: z.string(), since: isoDate });
export const secretaryListSchema = z.object({ items: z.array(secretarySchema) });
export type Secretary = z.infer<typeof secretarySchema>;

/** Shown once: only its hash is kept. */
export const issuedCodeSchema = z.object({ code: z.string(), validOn: calendarDay, timezone: z.string() });
export type IssuedCode = z.infer<typeof issuedCodeSchema>;

export const calendarSubscriptionSchema = z.object({ active: z.boolean(), createdAt: isoDate.nullable() });
/** The address is shown once, when made: only its token's hash is kept. */
export const newCalendarSubscriptionSchema = z.object({ url: z.string(), createdAt: isoDate });
export const calendarFileParams = z.object({
  file: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/, 'A calendar address'),
});

export const myMeetingsExportSchema = z.object({
  saved: z.array(z.object({ meetingId: z.uuid(), name: z.string(), savedAt: isoDate })),
  attendance: z.array(attendanceEntrySchema),
  secretaryOf: z.array(z.object({ meetingId: z.uuid(), name: z.string(), since: isoDate })),
  /** Whether a private calendar address exists (the address itself is a credential, never exported). */
  calendarSubscription: z.object({ createdAt: isoDate }).nullable(),
});
export type MyMeetingsExport = z.infer<typeof myMeetingsExportSchema>;
