import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import { instantSchema, isoDate } from './common.ts';

/**
 * Categories of a person's record another person can be granted.
 * Each feature that stores recovery data reads it only through one of these.
 */
export const SCOPES = ['profile', 'clock', 'checkins.summary', 'checkins.detail', 'plan', 'safety_plan', 'assessments', 'sos'] as const;
export const scopeSchema = z.enum(SCOPES);
export type Scope = z.infer<typeof scopeSchema>;

/**
 * What the access log can name: every grantable scope, plus records that others read by their role
 * and never through a grant (a supervisor reviewing coaching notes). Not in SCOPES, so never grantable.
 */
export const ACCESS_LOG_SCOPES = [...SCOPES, 'coaching_notes'] as const;
export const accessLogScopeSchema = z.enum(ACCESS_LOG_SCOPES);
export type AccessLogScope = z.infer<typeof accessLogScopeSchema>;

export const grantSchema = z.object({
  id: z.uuid(),
  grantor: z.object({ id: z.uuid(), alias: z.string() }),
  grantee: z.object({ id: z.uuid(), alias: z.string() }),
  scopes: z.array(scopeSchema),
  purpose: z.string(),
  startsAt: isoDate,
  expiresAt: isoDate.nullable(),
  revokedAt: isoDate.nullable(),
  status: z.enum(['active', 'scheduled', 'expired', 'revoked']),
  createdAt: isoDate,
});
export type Grant = z.infer<typeof grantSchema>;
export const grantListSchema = z.object({ given: z.array(grantSchema), received: z.array(grantSchema) });

/**
 * What one person shares with me right now: the grants in force and the scopes they add up to. Only
 * facts about my own grants (no record content), so reading it is not an access-log entry; the person
 * view asks for it again every few seconds, so a revocation empties the open page too.
 */
export const sharedWithMeSchema = z.object({
  person: z.object({ id: z.uuid(), alias: z.string() }),
  scopes: z.array(scopeSchema),
  grants: z.array(
    z.object({ id: z.uuid(), scopes: z.array(scopeSchema), purpose: z.string(), startsAt: isoDate, expiresAt: isoDate.nullable() }),
  ),
  /** A supervisor's or admin's break-glass window on this person, open until then (every scope but `sos`). */
  breakGlassUntil: isoDate.nullable(),
});
export type SharedWithMe = z.infer<typeof sharedWithMeSchema>;

export const createGrantSchema = z
  .object({
    granteeId: z.uuid(),
    scopes: z.array(scopeSchema).min(1).max(SCOPES.length),
    purpose: z.string().trim().min(3).max(LIMITS.purposeMax),
    startsAt: instantSchema.optional(),
    expiresAt: instantSchema.nullable().optional(),
  })
  .strict();

export const accessLogEntrySchema = z.object({
  id: z.string(),
  at: isoDate,
  actor: z.object({ id: z.uuid(), alias: z.string() }),
  scope: accessLogScopeSchema,
  purpose: z.string(),
  breakGlass: z.boolean(),
});
export type AccessLogEntry = z.infer<typeof accessLogEntrySchema>;
export const accessLogQuery = z.object({ before: z.coerce.number().int().positive().optional() }).strict();
export const accessLogPageSchema = z.object({ entries: z.array(accessLogEntrySchema), nextBefore: z.number().nullable() });

export const breakGlassRequestSchema = z
  .object({
    subjectId: z.uuid(),
    reason: z.string().trim().min(LIMITS.reasonMin).max(LIMITS.reasonMax),
  })
  .strict();
export const breakGlassSchema = z.object({
  id: z.uuid(),
  actor: z.object({ id: z.uuid(), alias: z.string() }),
  subject: z.object({ id: z.uuid(), alias: z.string() }),
  reason: z.string(),
  createdAt: isoDate,
  expiresAt: isoDate,
});
