import { z } from 'zod';
import { aliasSchema } from './common.ts';
import { SCOPES, scopeSchema } from './consent.ts';

/**
 * Accountability partners: a member invites another member; once both have accepted, each reads the
 * scopes the other chose through their own consent grant, and either can nudge or end it at once.
 */

export const PARTNER_LIMITS = {
  messageMax: 500,
  /** "Thinking of you" nudges per sender per partnership per day. */
  nudgesPerDay: 3,
} as const;

/** What the invitation form suggests. */
export const DEFAULT_PARTNER_SCOPES = ['checkins.summary', 'clock'] as const;

const partnerScopes = z
  .array(scopeSchema)
  .min(1, 'Choose at least one thing to share')
  .max(SCOPES.length)
  .transform((scopes) => [...new Set(scopes)]);

export const invitePartnerSchema = z
  .object({
    inviteeId: z.uuid().optional(),
    inviteeAlias: aliasSchema.optional(),
    scopes: partnerScopes,
    message: z.string().trim().max(PARTNER_LIMITS.messageMax).optional(),
  })
  .strict()
  .refine((body) => (body.inviteeId === undefined) !== (body.inviteeAlias === undefined), {
    message: 'Name the person by id or by alias',
    path: ['inviteeAlias'],
  });
export type InvitePartner = z.infer<typeof invitePartnerSchema>;

export const acceptPartnerSchema = z.object({ scopes: partnerScopes }).strict();

export const PARTNERSHIP_STATUSES = ['invited', 'active', 'declined', 'cancelled', 'ended'] as const;

export const partnershipSchema = z.object({
  id: z.uuid(),
  status: z.enum(PARTNERSHIP_STATUSES),
  /** Whether I sent the invitation. */
  invitedByMe: z.boolean(),
  partner: z.object({ id: z.uuid(), alias: z.string() }),
  /** What I share with them (null while I have not accepted an invitation to me). */
  myScopes: z.array(scopeSchema).nullable(),
  /** What they share with me (null while they have not accepted my invitation). */
  theirScopes: z.array(scopeSchema).nullable(),
  createdAt: z.iso.datetime(),
  respondedAt: z.iso.datetime().nullable(),
  endedAt: z.iso.datetime().nullable(),
});
export type Partnership = z.infer<typeof partnershipSchema>;

export const partnershipListSchema = z.object({
  invitedByMe: z.array(partnershipSchema),
  invitationsToMe: z.array(partnershipSchema),
  active: z.array(partnershipSchema),
  ended: z.array(partnershipSchema),
});
export type PartnershipList = z.infer<typeof partnershipListSchema>;

export const nudgeResultSchema = z.object({ remainingToday: z.number().int().min(0) });

/** My partnerships in the "my data" export. */
export const partnershipsExportSchema = z.array(partnershipSchema);
