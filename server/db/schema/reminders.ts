import { boolean, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth.ts';

/** What a member wants to be reminded of, and how. Times are local to the member's time zone. */
export const reminderPreferences = pgTable('reminder_preferences', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** "HH:MM" local time of the daily check-in reminder; null turns it off. */
  checkinTime: text('checkin_time'),
  milestones: boolean('milestones').notNull().default(true),
  barcEveryDays: integer('barc_every_days'),
  showReasons: boolean('show_reasons').notNull().default(false),
  byEmail: boolean('by_email').notNull().default(false),
  byPush: boolean('by_push').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
