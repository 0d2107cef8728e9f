import { integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, owner } from './columns.ts';

// Tables of the cores (server/lib), which no feature owns: every feature's offline writes use the
// first, and the installation's own keys live in the second.

/**
 * Offline writes carry an Idempotency-Key; the first answer is stored so a replay gets it again and
 * creates nothing twice. A replay with a different body is refused (422).
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: owner(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    status: integer('status').notNull(),
    response: jsonb('response').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);

/** Secrets generated at first start so an install works without configuration; shared by every app process. */
export const instanceSecrets = pgTable('instance_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Fixed-window counters shared by every app process: the per-IP route limits (@fastify/rate-limit's
 * store) and the per-account sign-in ceiling. One row per key; a hit past the window starts it over.
 */
export const rateCounters = pgTable('rate_counters', {
  key: text('key').primaryKey(),
  count: integer('count').notNull(),
  windowEndsAt: timestamp('window_ends_at', { withTimezone: true }).notNull(),
});
