import { z } from 'zod';
import { calendarDaySchema, isoDate } from './common.ts';

/**
 * Sizes of a recovery plan: generous for a person, and bounded so no list grows without end. A plan
 * filled to every limit would still be refused by the 64 KiB request limit (413); real plans are a
 * few kilobytes.
 */
const MEETINGS_PER_WEEK_MAX = 14;

export const PLAN_LIMITS = {
  textMax: 300,
  goals: 30,
  stepsPerGoal: 20,
  triggers: 30,
  copingStrategies: 40,
  copingPerTrigger: 10,
  supportPeople: 20,
  nameMax: 120,
  relationshipMax: 80,
  phoneMax: 40,
  idMax: 40,
} as const;

export const LIFE_DOMAINS = [
  'substance_use',
  'physical_health',
  'mental_health',
  'housing',
  'work_education',
  'relationships_family',
  'legal',
  'finances',
  'meaning_spirituality',
  'community',
] as const;
export const lifeDomainSchema = z.enum(LIFE_DOMAINS);
export type LifeDomain = z.infer<typeof lifeDomainSchema>;

export const GOAL_STATUSES = ['not_started', 'in_progress', 'done', 'paused'] as const;
export const goalStatusSchema = z.enum(GOAL_STATUSES);

/** Ids are made by the client so a trigger can point at a coping strategy before the plan is saved. */
export const planItemId = z
  .string()
  .min(1)
  .max(PLAN_LIMITS.idMax)
  .regex(/^[A-Za-z0-9_-]+$/, 'Letters, digits, - and _ only');
export const planText = z.string().trim().min(1, 'Write something here').max(PLAN_LIMITS.textMax);
/** A phone number as a person writes it; an empty string means none. */
export const phoneSchema = z
  .string()
  .trim()
  .max(PLAN_LIMITS.phoneMax)
  .regex(/^[0-9+()\-. ]*$/, 'Digits, spaces, + ( ) . and - only');
/** A calendar day (YYYY-MM-DD) that exists. */
export const calendarDate = calendarDaySchema();

export const goalStepSchema = z.object({ id: planItemId, text: planText, done: z.boolean() }).strict();

export const goalSchema = z
  .object({
    id: planItemId,
    domain: lifeDomainSchema,
    title: planText,
    steps: z.array(goalStepSchema).max(PLAN_LIMITS.stepsPerGoal),
    targetDate: calendarDate.nullable().optional(),
    status: goalStatusSchema,
    /** Meetings to go to each week (Monday–Sunday in the member's zone); progress comes with the plan. */
    meetingsPerWeek: z.number().int().min(1).max(MEETINGS_PER_WEEK_MAX).nullable().optional(),
  })
  .strict();

export const copingStrategySchema = z.object({ id: planItemId, text: planText }).strict();

export const triggerSchema = z
  .object({
    id: planItemId,
    text: planText,
    /** Ids of coping strategies in the same plan. */
    copingIds: z.array(planItemId).max(PLAN_LIMITS.copingPerTrigger),
  })
  .strict();

export const supportPersonSchema = z
  .object({
    id: planItemId,
    name: z.string().trim().min(1).max(PLAN_LIMITS.nameMax),
    relationship: z.string().trim().max(PLAN_LIMITS.relationshipMax),
    phone: phoneSchema.optional(),
  })
  .strict();

/** Ids must be unique within their list, or an edit or a link could land on the wrong item. */
function duplicateIds(items: readonly { id: string }[], path: (index: number) => (string | number)[], ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: path(index), message: `Duplicate id "${item.id}"` });
    seen.add(item.id);
  });
}

export const planContentSchema = z
  .object({
    goals: z.array(goalSchema).max(PLAN_LIMITS.goals),
    triggers: z.array(triggerSchema).max(PLAN_LIMITS.triggers),
    copingStrategies: z.array(copingStrategySchema).max(PLAN_LIMITS.copingStrategies),
    supportPeople: z.array(supportPersonSchema).max(PLAN_LIMITS.supportPeople),
  })
  .strict()
  .superRefine((plan, ctx) => {
    duplicateIds(plan.goals, (i) => ['goals', i, 'id'], ctx);
    plan.goals.forEach((goal, g) => {
      duplicateIds(goal.steps, (i) => ['goals', g, 'steps', i, 'id'], ctx);
    });
    duplicateIds(plan.triggers, (i) => ['triggers', i, 'id'], ctx);
    duplicateIds(plan.copingStrategies, (i) => ['copingStrategies', i, 'id'], ctx);
    duplicateIds(plan.supportPeople, (i) => ['supportPeople', i, 'id'], ctx);
    const coping = new Set(plan.copingStrategies.map((c) => c.id));
    plan.triggers.forEach((trigger, t) => {
      trigger.copingIds.forEach((id, i) => {
        if (!coping.has(id))
          ctx.addIssue({ code: 'custom', path: ['triggers', t, 'copingIds', i], message: `No coping strategy with id "${id}"` });
      });
    });
  });
export type PlanContent = z.infer<typeof planContentSchema>;
export const EMPTY_PLAN: PlanContent = { goals: [], triggers: [], copingStrategies: [], supportPeople: [] };

/**
 * A save names the version it was edited from (0 when there was none yet): if someone else saved
 * meanwhile (another tab, another device), the save is refused with 409 instead of silently overwriting.
 */
export const baseVersionSchema = z.number().int().min(0).max(2_147_483_647);
export const savePlanSchema = z.object({ content: planContentSchema, baseVersion: baseVersionSchema }).strict();

/** This week's meetings for each goal with a `meetingsPerWeek` target. */
export const meetingGoalProgressSchema = z.object({
  goalId: z.string(),
  target: z.number().int(),
  attended: z.number().int(),
  /** The Monday the week starts on, in the member's zone. */
  weekStart: calendarDate,
});
export type MeetingGoalProgress = z.infer<typeof meetingGoalProgressSchema>;

/** A version of 0 (and no date) means the person has not written a plan yet. */
export const planSchema = z.object({
  version: z.number().int(),
  createdAt: isoDate.nullable(),
  content: planContentSchema,
  /** On the current plan when a goal has a `meetingsPerWeek` target (never on earlier versions). */
  meetingProgress: z.array(meetingGoalProgressSchema).optional(),
});
export type Plan = z.infer<typeof planSchema>;

/** What changed in one section between a version and the one before it (the client words it in its language). */
export const sectionChangeSchema = z.object({
  section: z.string(),
  added: z.number().int(),
  removed: z.number().int(),
  changed: z.number().int(),
});
export const planVersionSummarySchema = z.object({
  version: z.number().int(),
  createdAt: isoDate,
  /** A short English description, e.g. "Goals: 1 added, 2 changed". */
  summary: z.string(),
  changes: z.array(sectionChangeSchema),
});
export const versionHistoryQuery = z.object({ before: z.coerce.number().int().min(1).max(2_147_483_647).optional() }).strict();
export const versionHistorySchema = z.object({ versions: z.array(planVersionSummarySchema), nextBefore: z.number().nullable() });
export const versionParams = z.object({ version: z.coerce.number().int().min(1).max(2_147_483_647) });

export const accessSummarySchema = z.object({ via: z.enum(['self', 'grant', 'break_glass']), until: z.string().nullable() });
/** Another person's plan, read through the `plan` scope or break-glass. */
export const sharedPlanSchema = planSchema.extend({ access: accessSummarySchema });
