import { integer, jsonb, pgTable, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, owner } from './columns.ts';

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
