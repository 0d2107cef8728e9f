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

export const auditEventSchema = z.object({
  id: z.string(),
  at: isoDate,
  event: z.string(),
  actor: z.object({ id: z.uuid(), alias: z.string() }).nullable(),
  subject: z.object({ id: z.uuid(), alias: z.string() }).nullable(),
  detail: z.record(z.string(), z.unknown()),
});

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  database: z.object({ kind: z.enum(['pglite', 'postgres']), ok: z.boolean() }),
});
