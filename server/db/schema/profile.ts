import { sql } from 'drizzle-orm';
import { pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth.ts';

export const profiles = pgTable(
  'profiles',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    legalName: text('legal_name'),
    alias: text('alias').notNull(),
    pronouns: text('pronouns'),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    timezone: text('timezone').notNull(),
    pathways: text('pathways').array().notNull().default(sql`'{}'::text[]`),
    pathwaysVisibility: text('pathways_visibility', { enum: ['private', 'shared'] })
      .notNull()
      .default('private'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // Aliases are how people recognise each other in community spaces, so two people cannot share one.
  (t) => [uniqueIndex('profiles_alias_unique').on(sql`lower(${t.alias})`)],
);
