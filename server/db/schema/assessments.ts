import { sql } from 'drizzle-orm';
import { check, index, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { owner } from './columns.ts';

/** BARC-10 answers (ten items, 1–6) and their total (10–60). */
export const assessments = pgTable(
  'assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: owner(),
    instrument: text('instrument', { enum: ['barc10'] }).notNull(),
    answers: smallint('answers').array().notNull(),
    total: smallint('total').notNull(),
    takenAt: timestamp('taken_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('assessments_user_idx').on(t.userId, t.takenAt),
    check(
      'assessments_barc10_shape',
      sql`${t.instrument} <> 'barc10' OR (cardinality(${t.answers}) = 10 AND ${t.total} BETWEEN 10 AND 60)`,
    ),
  ],
);
