import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';

const owner = () =>
  uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' });
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** One check-in per member per local day (in the member's time zone). */
export const checkins = pgTable(
  'checkins',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: owner(),
    localDate: date('local_date', { mode: 'string' }).notNull(),
    mood: smallint('mood').notNull(),
    craving: smallint('craving').notNull(),
    sleepHours: numeric('sleep_hours', { precision: 3, scale: 1, mode: 'number' }),
    used: text('used', { enum: ['no', 'yes', 'prefer_not_to_say'] }).notNull(),
    substances: text('substances').array().notNull().default(sql`'{}'::text[]`),
    gratitude: text('gratitude'),
    note: text('note'),
    /** Made after its day had passed. */
    backfilled: boolean('backfilled').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('checkins_user_day_unique').on(t.userId, t.localDate),
    check('checkins_mood_range', sql`${t.mood} BETWEEN 1 AND 5`),
    check('checkins_craving_range', sql`${t.craving} BETWEEN 0 AND 10`),
    check('checkins_sleep_range', sql`${t.sleepHours} IS NULL OR ${t.sleepHours} BETWEEN 0 AND 24`),
  ],
);

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

/** "Why recovery matters to me", shown when it helps. */
export const reasons = pgTable(
  'reasons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: owner(),
    text: text('text').notNull(),
    position: integer('position').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('reasons_user_idx').on(t.userId, t.position)],
);

/** The recovery plan, versioned: every save is a new row; the highest version is the plan. */
export const recoveryPlanVersions = pgTable(
  'recovery_plan_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: owner(),
    version: integer('version').notNull(),
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('recovery_plan_user_version_unique').on(t.userId, t.version)],
);

/** The safety plan, versioned like the recovery plan. */
export const safetyPlanVersions = pgTable(
  'safety_plan_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: owner(),
    version: integer('version').notNull(),
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('safety_plan_user_version_unique').on(t.userId, t.version)],
);

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
