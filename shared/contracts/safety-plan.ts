import { z } from 'zod';
import { isoDate } from './common.ts';
import { crisisLineSchema } from './organization.ts';
import { accessSummarySchema, baseVersionSchema, PLAN_LIMITS, phoneSchema, planText } from './plans.ts';

export const SAFETY_PLAN_LIMITS = { itemsPerStep: 15, contactsPerStep: 10 } as const;

/**
 * The six steps, in the order a person uses them, in our own words (the published form is copyrighted).
 * Keys match the fields of the content; the client translates from these keys.
 */
export const SAFETY_PLAN_STEPS = [
  { key: 'warningSigns', title: 'Signs that a hard time is starting for me' },
  { key: 'copingOnMyOwn', title: 'What I can do by myself to get through it' },
  { key: 'distractions', title: 'People and places that help take my mind off things' },
  { key: 'helpers', title: 'People I can ask for help' },
  { key: 'professionals', title: 'Professionals and crisis services I can contact' },
  { key: 'safeEnvironment', title: 'How I can make my surroundings safer' },
] as const;
export const MOST_IMPORTANT_TITLE = 'The one thing that matters most to me';

const items = z.array(planText).max(SAFETY_PLAN_LIMITS.itemsPerStep);
export const safetyContactSchema = z
  .object({
    name: z.string().trim().min(1).max(PLAN_LIMITS.nameMax),
    phone: phoneSchema.optional(),
  })
  .strict();
const contacts = z.array(safetyContactSchema).max(SAFETY_PLAN_LIMITS.contactsPerStep);

export const safetyPlanContentSchema = z
  .object({
    warningSigns: items,
    copingOnMyOwn: items,
    /** Step 3 holds both people and places; a place has no phone. */
    distractions: z.array(safetyContactSchema).max(SAFETY_PLAN_LIMITS.contactsPerStep),
    helpers: contacts,
    /** The person's own professionals; the organization's crisis lines are added on every read. */
    professionals: contacts,
    safeEnvironment: items,
    mostImportant: z.string().trim().max(PLAN_LIMITS.textMax),
  })
  .strict();
export type SafetyPlanContent = z.infer<typeof safetyPlanContentSchema>;
export const EMPTY_SAFETY_PLAN: SafetyPlanContent = {
  warningSigns: [],
  copingOnMyOwn: [],
  distractions: [],
  helpers: [],
  professionals: [],
  safeEnvironment: [],
  mostImportant: '',
};

export const saveSafetyPlanSchema = z.object({ content: safetyPlanContentSchema, baseVersion: baseVersionSchema }).strict();

export const safetyPlanSchema = z.object({
  version: z.number().int(),
  createdAt: isoDate.nullable(),
  content: safetyPlanContentSchema,
  /** Always present (the organization's list, or the US defaults with 988 when it has none) so help is never missing. */
  crisisLines: z.array(crisisLineSchema),
});
export type SafetyPlan = z.infer<typeof safetyPlanSchema>;
export const sharedSafetyPlanSchema = safetyPlanSchema.extend({ access: accessSummarySchema });
