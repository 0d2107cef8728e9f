import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Append-only security events: sign-ins, role and grant changes, break-glass, disabling accounts. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    event: text('event').notNull(),
    actorId: uuid('actor_id'),
    subjectId: uuid('subject_id'),
    /** Keyed hash of an identifier that may not match an account (e.g. a failed sign-in's email). */
    subjectHash: text('subject_hash'),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('audit_log_event_idx').on(t.event, t.at), index('audit_log_subject_hash_idx').on(t.subjectHash, t.at)],
);
