import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import { aliasSchema, isoDate, timezoneSchema } from './common.ts';
import { roleSchema } from './roles.ts';

export const RECOVERY_PATHWAYS = [
  'twelve_step',
  'smart_recovery',
  'recovery_dharma',
  'refuge_recovery',
  'celebrate_recovery',
  'faith_based',
  'secular',
  'medication_assisted',
  'harm_reduction',
  'natural_recovery',
  'clinical_treatment',
  'other',
] as const;
export const pathwaySchema = z.enum(RECOVERY_PATHWAYS);
export type RecoveryPathway = z.infer<typeof pathwaySchema>;

const languageTag = z
  .string()
  .trim()
  .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'A language tag such as en or es-MX');

/** What the person sees and edits about themselves. */
export const ownProfileSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  legalName: z.string().nullable(),
  alias: z.string(),
  pronouns: z.string().nullable(),
  languages: z.array(z.string()),
  timezone: z.string(),
  pathways: z.array(pathwaySchema),
  pathwaysVisibility: z.enum(['private', 'shared']),
  updatedAt: isoDate,
});
export type OwnProfile = z.infer<typeof ownProfileSchema>;

export const updateProfileSchema = z
  .object({
    legalName: z.string().trim().max(LIMITS.legalNameMax).nullable(),
    alias: aliasSchema,
    pronouns: z.string().trim().max(LIMITS.pronounsMax).nullable(),
    languages: z.array(languageTag).max(LIMITS.languagesMax),
    timezone: timezoneSchema,
    pathways: z.array(pathwaySchema).max(LIMITS.pathwaysMax),
    pathwaysVisibility: z.enum(['private', 'shared']),
  })
  .partial()
  .strict();

/** What anyone signed in may see of another person in community spaces: alias, never legal name. */
export const personCardSchema = z.object({
  id: z.uuid(),
  alias: z.string(),
  pronouns: z.string().nullable(),
  languages: z.array(z.string()),
});
export type PersonCard = z.infer<typeof personCardSchema>;
export const personSearchQuery = z.object({ q: z.string().trim().min(1).max(40) }).strict();

/** Another person's private profile, readable only through the `profile` scope or break-glass. */
export const sharedProfileSchema = z.object({
  id: z.uuid(),
  alias: z.string(),
  legalName: z.string().nullable(),
  pronouns: z.string().nullable(),
  languages: z.array(z.string()),
  timezone: z.string(),
  /** Empty unless the person chose to show their pathways to the people they share their profile with. */
  pathways: z.array(pathwaySchema),
  /** How the reader got to see this: the person's grant, or a break-glass window (until when). */
  access: z.object({ via: z.enum(['self', 'grant', 'break_glass']), until: z.string().nullable() }),
});

export const adminPersonSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  alias: z.string(),
  roles: z.array(roleSchema),
  status: z.enum(['active', 'disabled']),
  mfaEnabled: z.boolean(),
  createdAt: isoDate,
});
export type AdminPerson = z.infer<typeof adminPersonSchema>;
export const setRolesSchema = z.object({ roles: z.array(roleSchema).min(1).max(7) }).strict();
