import { z } from 'zod';
import { aliasSchema, emailSchema, isoDate, passwordSchema } from './common.ts';
import { organizationSchema } from './organization.ts';
import { roleSchema } from './roles.ts';

export const meSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  alias: z.string(),
  roles: z.array(roleSchema),
  mfaEnabled: z.boolean(),
  /** The organization requires two-factor sign-in for this person's staff role and it is not set up yet. */
  mfaSetupRequired: z.boolean(),
});
export type Me = z.infer<typeof meSchema>;

export const sessionSchema = z.object({
  needsSetup: z.boolean(),
  /** Send back as the x-csrf-token header on every POST, PUT, PATCH and DELETE. */
  csrfToken: z.string(),
  user: meSchema.nullable(),
  /** Password was right; a two-factor code is still needed. */
  mfaPending: z.boolean(),
  organization: organizationSchema.extend({ openSignup: z.boolean() }).nullable(),
  version: z.string(),
});
export type Session = z.infer<typeof sessionSchema>;

/** Open sign-up starts with the address only: a link is emailed, and the account is made from that link. */
export const signUpSchema = z.object({ email: emailSchema }).strict();
export const signInSchema = z.object({ email: z.string().trim().max(254).min(1), password: z.string().min(1).max(256) }).strict();
export const signInResultSchema = z.object({
  status: z.enum(['signed_in', 'mfa_required']),
  user: meSchema.nullable(),
});
export const mfaCodeSchema = z
  .object({
    code: z
      .string()
      .trim()
      // Recovery codes are read off paper and typed back, often in capitals.
      .toLowerCase()
      .regex(/^(\d{6}|[a-z0-9]{4}-[a-z0-9]{4})$/, 'Six digits, or a recovery code like abcd-1234'),
  })
  .strict();
export const resetRequestSchema = z.object({ email: emailSchema }).strict();
export const resetCompleteSchema = z.object({ token: z.string().min(20).max(200), password: passwordSchema }).strict();
export const changePasswordSchema = z.object({ currentPassword: z.string().min(1).max(256), newPassword: passwordSchema }).strict();

export const totpSetupSchema = z.object({ secret: z.string(), otpauthUri: z.string(), qrSvg: z.string() });
export const totpEnableSchema = z
  .object({
    code: z
      .string()
      .trim()
      // Recovery codes are read off paper and typed back, often in capitals.
      .toLowerCase()
      .regex(/^\d{6}$/, 'Six digits'),
  })
  .strict();
export const totpEnabledSchema = z.object({ recoveryCodes: z.array(z.string()) });
export const totpDisableSchema = z.object({ password: z.string().min(1).max(256) }).strict();

export const setupSchema = z
  .object({
    organization: organizationSchema,
    admin: z.object({ email: emailSchema, password: passwordSchema, alias: aliasSchema }).strict(),
  })
  .strict();

export const sessionListItemSchema = z.object({ id: z.string(), createdAt: isoDate, lastSeenAt: isoDate, current: z.boolean() });
