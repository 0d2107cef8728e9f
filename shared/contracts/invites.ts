import { z } from 'zod';
import { aliasSchema, emailSchema, isoDate, passwordSchema } from './common.ts';
import { roleSchema } from './roles.ts';

export const createInviteSchema = z.object({ email: emailSchema, roles: z.array(roleSchema).min(1).max(7) }).strict();
export const inviteSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  roles: z.array(roleSchema),
  status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
  createdAt: isoDate,
  expiresAt: isoDate,
});
export type Invite = z.infer<typeof inviteSchema>;
export const inviteTokenSchema = z.object({ token: z.string().min(20).max(200) }).strict();
export const invitePreviewSchema = z.object({
  /** `invite` from the organization, or `signup`: the person's own open sign-up link. */
  kind: z.enum(['invite', 'signup']),
  email: z.string(),
  roles: z.array(roleSchema),
  organizationName: z.string(),
});
export const acceptInviteSchema = z.object({ token: z.string().min(20).max(200), password: passwordSchema, alias: aliasSchema }).strict();
