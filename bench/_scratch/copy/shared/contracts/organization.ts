import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import { timezoneSchema } from './common.ts';

export const crisisLineSchema = z.object({
  name: z.string().trim().min(1).max(120),
  phone: z
    .string()
    .trim()
    .max(40)
    .regex(/^[0-9+()\- ]*$/, 'Digits, spaces, + ( ) and - only')
    .optional(),
  text: z
    .string()
    .trim()
    .max(40)
    .regex(/^[0-9+()\- A-Za-z]*$/, 'Digits or a short keyword')
    .optional(),
  url: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .optional(),
  note: z.string().trim().max(200).optional(),
});
export type CrisisLine = z.infer<typeof crisisLineSchema>;

/** US defaults from STANDARDS.md; each organization edits its own list. */
export const DEFAULT_CRISIS_LINES: CrisisLine[] = [
  { name: '988 Suicide & Crisis Lifeline', phone: '988', text: '988', note: 'Call or text, 24/7' },
  { name: 'SAMHSA National Helpline', phone: '1-800-662-4357', note: 'Free, confidential treatment referral, 24/7' },
  { name: 'Emergency', phone: '911' },
];

export const organizationSchema = z.object({
  name: z.string().trim().min(2).max(LIMITS.orgNameMax),
  timezone: timezoneSchema,
  crisisLines: z.array(crisisLineSchema).max(LIMITS.crisisLinesMax),
});

export const organizationSettingsSchema = organizationSchema.extend({
  openSignup: z.boolean(),
  requireStaffMfa: z.boolean(),
});
export type OrganizationSettings = z.infer<typeof organizationSettingsSchema>;
export const updateOrganizationSettingsSchema = organizationSettingsSchema.partial().strict();
