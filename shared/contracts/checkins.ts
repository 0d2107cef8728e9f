import { z } from 'zod';
import { calendarDaySchema, isoDate } from './common.ts';

/** Sizes both the server and the check-in form enforce. */
export const CHECKIN_LIMITS = {
  gratitudeMax: 280,
  noteMax: 2000,
  substancesMax: 10,
  substanceMax: 60,
  /** How many days back a missed day may still be filled in. */
  backfillDays: 30,
  /** The widest range one list request may cover. */
  rangeMaxDays: 366,
  detailDefaultDays: 30,
} as const;

export const TREND_WINDOWS = ['7', '30', '90', '365'] as const;
export const USED_ANSWERS = ['no', 'yes', 'prefer_not_to_say'] as const;

/** A calendar day (YYYY-MM-DD) that exists: 2024-02-29 yes, 2023-02-29 no. */
export const localDateSchema = calendarDaySchema();

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((value) => (value ? value : null));

export const checkinBodySchema = z
  .object({
    localDate: localDateSchema.optional(),
    mood: z.number().int().min(1).max(5),
    craving: z.number().int().min(0).max(10),
    sleepHours: z.number().min(0).max(24).multipleOf(0.5).nullable().optional(),
    used: z.enum(USED_ANSWERS),
    substances: z.array(z.string().trim().min(1).max(CHECKIN_LIMITS.substanceMax)).max(CHECKIN_LIMITS.substancesMax).optional(),
    gratitude: optionalText(CHECKIN_LIMITS.gratitudeMax),
    note: optionalText(CHECKIN_LIMITS.noteMax),
  })
  .strict()
  .superRefine((body, context) => {
    // What was used is only asked after a "yes"; anything else would contradict the answer.
    if (body.used !== 'yes' && body.substances && body.substances.length > 0) {
      context.addIssue({ code: 'custom', path: ['substances'], message: 'Only given when used is "yes"' });
    }
  });
export type CheckinBody = z.infer<typeof checkinBodySchema>;

export const localDateParams = z.object({ localDate: localDateSchema }).strict();

export const idempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,100}$/, 'Use 8 to 100 letters, digits, dashes or underscores')
    .optional(),
});

export const checkinSchema = z.object({
  localDate: z.string(),
  mood: z.number().int(),
  craving: z.number().int(),
  sleepHours: z.number().nullable(),
  used: z.enum(USED_ANSWERS),
  substances: z.array(z.string()),
  gratitude: z.string().nullable(),
  note: z.string().nullable(),
  /** Made after its day had passed. */
  backfilled: z.boolean(),
  createdAt: isoDate,
  updatedAt: isoDate,
});
export type Checkin = z.infer<typeof checkinSchema>;

export const checkinRangeQuery = z.object({ from: localDateSchema.optional(), to: localDateSchema.optional() }).strict();
export const checkinListSchema = z.object({ from: z.string(), to: z.string(), items: z.array(checkinSchema) });

export const trendsQuery = z.object({ days: z.enum(TREND_WINDOWS).default('30') }).strict();
export const trendPointSchema = z.object({
  date: z.string(),
  checkedIn: z.boolean(),
  mood: z.number().nullable(),
  craving: z.number().nullable(),
  sleepHours: z.number().nullable(),
});
export const trendsSchema = z.object({
  days: z.number().int(),
  from: z.string(),
  to: z.string(),
  series: z.array(trendPointSchema),
  daysCheckedIn: z.number().int(),
  /** Days checked in ÷ days in the window, 0–1. */
  adherence: z.number(),
  currentStreak: z.number().int(),
  longestStreak: z.number().int(),
});
export type Trends = z.infer<typeof trendsSchema>;

/** What the `checkins.summary` scope shows, and nothing more. */
export const checkinSummarySchema = z.object({
  checkedInToday: z.boolean(),
  currentStreak: z.number().int(),
  lastCheckinDate: z.string().nullable(),
  /** Meetings the person said they went to in the last 7 days of their zone (today included). */
  meetingsLast7Days: z.number().int(),
});

export const sharedCheckinsQuery = z
  .object({ days: z.coerce.number().int().min(1).max(CHECKIN_LIMITS.rangeMaxDays).default(CHECKIN_LIMITS.detailDefaultDays) })
  .strict();
