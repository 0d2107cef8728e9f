import { z } from 'zod';
import { isoDate } from './common.ts';

export const outboxMessageSchema = z.object({
  id: z.uuid(),
  to: z.string(),
  subject: z.string(),
  text: z.string().nullable(),
  transport: z.enum(['smtp', 'outbox']),
  status: z.enum(['sent', 'held', 'failed']),
  createdAt: isoDate,
});

/** Every security event, named `area.action` (or a bare area when it has one action). */
export const AUDIT_EVENTS = [
  'organization.created',
  'organization.settings_changed',
  'signin.success',
  'signin.failure',
  'signin.mfa_failure',
  'signout',
  'signup',
  'password.reset_requested',
  'password.reset',
  'password.changed',
  'mfa.enabled',
  'mfa.disabled',
  'mfa.recovery_code_used',
  'invite.created',
  'invite.revoked',
  'invite.accepted',
  'roles.changed',
  'account.disabled',
  'account.enabled',
  'account.deleted',
  'grant.created',
  'grant.revoked',
  'break_glass.opened',
  'meeting.created',
  'meeting.updated',
  'meeting.deleted',
  'guide.created',
  'guide.updated',
  'guide.deleted',
] as const;
export type AuditEventName = (typeof AUDIT_EVENTS)[number];

/** The areas events are filtered by: the part before the dot. */
export const AUDIT_AREAS = [...new Set(AUDIT_EVENTS.map((event) => event.split('.')[0] as string))] as readonly string[];
export const auditAreaOf = (event: string) => event.split('.')[0] ?? event;

export const AUDIT_PAGE_SIZE = 50;

/**
 * The audit list's filter: one area (`signin`) or one exact event (`signin.failure`), a period
 * (`from` inclusive, `to` exclusive, instants), and `before`, the id the next page starts below.
 */
export const auditQuerySchema = z
  .object({
    kind: z
      .string()
      .refine((kind) => AUDIT_AREAS.includes(kind) || (AUDIT_EVENTS as readonly string[]).includes(kind), 'Choose an area or an event')
      .optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    before: z
      .string()
      .regex(/^[1-9]\d{0,17}$/, 'A page marker from the previous page')
      .optional(),
  })
  .strict()
  .refine((q) => !q.from || !q.to || new Date(q.from) < new Date(q.to), { message: 'The period ends before it starts', path: ['to'] });
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditEventSchema = z.object({
  id: z.string(),
  at: isoDate,
  event: z.string(),
  actor: z.object({ id: z.uuid(), alias: z.string() }).nullable(),
  subject: z.object({ id: z.uuid(), alias: z.string() }).nullable(),
  detail: z.record(z.string(), z.unknown()),
});

/** One page of events, newest first; `next` is the `before` of the following page (null: no more). */
export const auditPageSchema = z.object({ events: z.array(auditEventSchema), next: z.string().nullable() });
export type AuditPage = z.infer<typeof auditPageSchema>;

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  database: z.object({ kind: z.enum(['pglite', 'postgres']), ok: z.boolean() }),
});
