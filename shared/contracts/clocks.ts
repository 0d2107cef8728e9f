import { z } from 'zod';
import { instantSchema, isoDate } from './common.ts';

/**
 * Recovery clocks. Pathway-neutral: `recovery` is "my recovery" whatever the path (medication for
 * opioid use disorder is recovery), `abstinence` counts time without something, `harm_reduction`
 * counts time keeping a goal the member writes in their own words.
 */
export const CLOCK_KINDS = ['abstinence', 'harm_reduction', 'recovery'] as const;
export const clockKindSchema = z.enum(CLOCK_KINDS);
export type ClockKind = z.infer<typeof clockKindSchema>;

// Kept here rather than in limits.ts: only clock forms use them, and the client imports this file anyway.
export const CLOCK_LIMITS = {
  labelMax: 60,
  goalMax: 300,
  /** Active clocks per member: several (alcohol, opioids, gambling…), not hundreds. */
  clocksMax: 20,
  /** Earliest start accepted: people with decades of recovery, not typos of year 0001. */
  earliestStart: '1900-01-01T00:00:00Z',
  /** Earlier runs returned with a clock, newest first (totals always count all of them). */
  pastRunsShown: 50,
} as const;

const label = z.string().trim().min(1).max(CLOCK_LIMITS.labelMax);
const goal = z.string().trim().min(1).max(CLOCK_LIMITS.goalMax);
/** An instant with its offset, as the member's device saw it ("2026-03-07T20:00:00-05:00"). */
const instant = instantSchema;

export const createClockSchema = z
  .object({
    label,
    kind: clockKindSchema,
    /** Required for harm_reduction (the goal is what the clock counts); optional otherwise. */
    goal: goal.nullable().optional(),
    startedAt: instant,
  })
  .strict();
export type CreateClock = z.infer<typeof createClockSchema>;

export const updateClockSchema = z
  .object({
    label,
    goal: goal.nullable(),
    /** Corrects the start of the current run (earlier runs stay as they were). */
    startedAt: instant,
  })
  .partial()
  .strict();
export type UpdateClock = z.infer<typeof updateClockSchema>;

/**
 * A reset asks nothing; a member may say when they restarted if it was not just now. The body may be
 * left out altogether (the route reads no body as `{}`).
 */
export const resetClockSchema = z.object({ restartedAt: instant.optional() }).strict();

export const milestoneSchema = z.object({
  /** Stable name for translations and for remembering what was celebrated: `24_hours`, `7_days`, `6_months`, `1_year`, `3_years`. */
  key: z.string(),
  amount: z.number().int(),
  unit: z.enum(['hours', 'days', 'months', 'years']),
  at: isoDate,
  /** The calendar date it falls on in the member's time zone (YYYY-MM-DD). */
  localDate: z.string(),
});
export type MilestoneView = z.infer<typeof milestoneSchema>;

export const pastRunSchema = z.object({ startedAt: isoDate, endedAt: isoDate, days: z.number().int() });

export const clockSchema = z.object({
  id: z.uuid(),
  label: z.string(),
  kind: clockKindSchema,
  goal: z.string().nullable(),
  /** The zone days and milestones are counted in: the member's profile time zone. */
  timezone: z.string(),
  /** Start of the current run. */
  startedAt: isoDate,
  currentDays: z.number().int(),
  /** Every whole day of every run, this one included, plus their leftover hours added up. */
  totalDays: z.number().int(),
  longestRunDays: z.number().int(),
  /** Milestones of the current run reached so far, oldest first: the client celebrates the newest it has not shown. */
  reachedMilestones: z.array(milestoneSchema),
  nextMilestone: milestoneSchema,
  /** Earlier runs, newest first (at most CLOCK_LIMITS.pastRunsShown). */
  pastRuns: z.array(pastRunSchema),
  createdAt: isoDate,
});
export type Clock = z.infer<typeof clockSchema>;
export const clockListSchema = z.object({ clocks: z.array(clockSchema) });

/**
 * What someone holding the member's `clock` scope sees: the counts and milestones, not the dates of
 * each earlier run (when a member restarted is more than they agreed to show).
 */
export const sharedClockSchema = clockSchema.omit({ pastRuns: true });
export const sharedClockListSchema = z.object({
  person: z.object({ id: z.uuid(), alias: z.string() }),
  clocks: z.array(sharedClockSchema),
  access: z.object({ via: z.enum(['self', 'grant', 'break_glass']), until: z.string().nullable() }),
});
