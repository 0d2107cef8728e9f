import { bigserial, boolean, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { AccessLogScope, Scope } from '../../../shared/contracts/consent.ts';
import { users } from './auth.ts';

export const consentGrants = pgTable(
  'consent_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    grantorId: uuid('grantor_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    granteeId: uuid('grantee_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    scopes: text('scopes').array().$type<Scope[]>().notNull(),
    purpose: text('purpose').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('consent_grants_pair_idx').on(t.granteeId, t.grantorId), index('consent_grants_grantor_idx').on(t.grantorId)],
);

/** A staff member's time-boxed emergency read of one person's record, with the written reason. */
export const breakGlass = pgTable(
  'break_glass',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => users.id),
    subjectId: uuid('subject_id')
      .notNull()
      .references(() => users.id),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('break_glass_actor_subject_idx').on(t.actorId, t.subjectId)],
);

/**
 * Append-only: one row per read of a person's record by someone else (reads through a grant
 * repeated within minutes are one row: decision 006).
 * A database trigger refuses UPDATE and DELETE; on PostgreSQL the app role lacks those privileges too.
 * No foreign keys with cascades, so deleting an account cannot silently erase who read what.
 */
export const accessLog = pgTable(
  'access_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id').notNull(),
    subjectId: uuid('subject_id').notNull(),
    scope: text('scope').$type<AccessLogScope>().notNull(),
    purpose: text('purpose').notNull(),
    grantId: uuid('grant_id'),
    breakGlassId: uuid('break_glass_id'),
    breakGlass: boolean('break_glass').notNull().default(false),
  },
  (t) => [
    index('access_log_subject_idx').on(t.subjectId, t.id),
    // The coalescing rule's look-up (decision 006), answered from the index alone: this actor's latest
    // reads of this subject and scope through this grant.
    index('access_log_actor_idx').on(t.actorId, t.subjectId, t.scope, t.grantId, t.at),
  ],
);
