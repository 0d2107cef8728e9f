import { sql } from 'drizzle-orm';
import { boolean, check, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { CrisisLine } from '../../../shared/contracts/organization.ts';

/** The one organization this installation serves (a single row, id 1). */
export const organization = pgTable(
  'organization',
  {
    id: integer('id').primaryKey().default(1),
    name: text('name').notNull(),
    timezone: text('timezone').notNull(),
    crisisLines: jsonb('crisis_lines').$type<CrisisLine[]>().notNull(),
    openSignup: boolean('open_signup').notNull().default(false),
    requireStaffMfa: boolean('require_staff_mfa').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('organization_single_row', sql`${t.id} = 1`)],
);
