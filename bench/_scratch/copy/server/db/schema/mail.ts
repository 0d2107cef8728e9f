import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Every email Kinship sends. Without SMTP the body is kept here so an admin can read it in the app
 * (a development or evaluation install); with SMTP only the envelope is kept.
 */
export const outbox = pgTable('outbox', {
  id: uuid('id').primaryKey().defaultRandom(),
  to: text('to_address').notNull(),
  subject: text('subject').notNull(),
  text: text('body_text'),
  transport: text('transport', { enum: ['smtp', 'outbox'] }).notNull(),
  status: text('status', { enum: ['sent', 'held', 'failed'] }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
