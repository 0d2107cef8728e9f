import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, owner } from './columns.ts';

/** A recovery clock: abstinence from something, a harm-reduction goal, or simply "my recovery". */
export const recoveryClocks = pgTable(
  'recovery_clocks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: owner(),
    label: text('label').notNull(),
    kind: text('kind', { enum: ['abstinence', 'harm_reduction', 'recovery'] }).notNull(),
    /** For harm reduction: the goal in the member's own words. */
    goal: text('goal'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [index('recovery_clocks_user_idx').on(t.userId)],
);

/** Every earlier run of a clock, kept when it is reset: totals and the longest run come from here. */
export const clockRuns = pgTable(
  'clock_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clockId: uuid('clock_id')
      .notNull()
      .references(() => recoveryClocks.id, { onDelete: 'cascade' }),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('clock_runs_clock_idx').on(t.clockId)],
);
