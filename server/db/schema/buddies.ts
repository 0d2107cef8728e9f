import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth.ts';
import { createdAt, person, updatedAt } from './columns.ts';
import { meetings } from './meetings.ts';
import { conversations } from './messages.ts';

/** A member (90 days or more) or coach who offered to go with someone to their first meeting. */
export const buddyVolunteers = pgTable('buddy_volunteers', {
  personId: uuid('person_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** What the volunteer wants a newcomer to know, in their words. */
  about: text('about').notNull().default(''),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export type BuddyRequestStatus = 'open' | 'matched' | 'cancelled' | 'expired';

/**
 * "Would someone come with me?" for one occurrence of one meeting. A volunteer accepts it; the two are
 * then connected by a 'buddy' conversation.
 */
export const buddyRequests = pgTable(
  'buddy_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requesterId: person('requester_id'),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    /** The occurrence the member wants company for. */
    occursAt: timestamp('occurs_at', { withTimezone: true }).notNull(),
    note: text('note').notNull().default(''),
    status: text('status').$type<BuddyRequestStatus>().notNull().default('open'),
    buddyId: uuid('buddy_id').references(() => users.id, { onDelete: 'set null' }),
    conversationId: uuid('conversation_id').references(() => conversations.id, { onDelete: 'set null' }),
    matchedAt: timestamp('matched_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('buddy_requests_open_idx').on(t.status, t.occursAt),
    index('buddy_requests_requester_idx').on(t.requesterId),
    // One open request per member and occurrence.
    uniqueIndex('buddy_requests_one_open').on(t.requesterId, t.meetingId, t.occursAt).where(sql`${t.status} IN ('open', 'matched')`),
    check('buddy_requests_status', sql`${t.status} IN ('open', 'matched', 'cancelled', 'expired')`),
    check('buddy_requests_matched', sql`(${t.status} = 'matched') = (${t.buddyId} IS NOT NULL)`),
  ],
);
