import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { conversations } from './coaching.ts';
import { meetings } from './meetings.ts';

const person = (name: string) =>
  uuid(name)
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' });
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export type EventKind = 'social' | 'workshop';
export type EventStatus = 'scheduled' | 'cancelled';
export type RsvpStatus = 'going' | 'waitlisted' | 'cancelled';

/**
 * A sober social event or workshop the organization runs. `going` counts RSVPs holding a place; with a
 * `capacity`, the CHECK makes over-filling impossible even when two people take the last place at once,
 * because every change to it is one UPDATE on this row (as with coaches' seats).
 */
export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').$type<EventKind>().notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    /** The zone the organizer set the times in; calendar files carry it as a VTIMEZONE. */
    timezone: text('timezone').notNull(),
    location: text('location'),
    address: text('address'),
    conferenceUrl: text('conference_url'),
    /** Null: no limit. */
    capacity: integer('capacity'),
    going: integer('going').notNull().default(0),
    status: text('status').$type<EventStatus>().notNull().default('scheduled'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancellationNote: text('cancellation_note'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('events_starts_at_idx').on(t.startsAt),
    check('events_kind', sql`${t.kind} IN ('social', 'workshop')`),
    check('events_status', sql`${t.status} IN ('scheduled', 'cancelled')`),
    check('events_times', sql`${t.endsAt} > ${t.startsAt}`),
    check('events_capacity', sql`${t.capacity} IS NULL OR ${t.capacity} > 0`),
    check('events_going_within_capacity', sql`${t.going} >= 0 AND (${t.capacity} IS NULL OR ${t.going} <= ${t.capacity})`),
  ],
);

/**
 * One person's answer to an event. The waitlist is ordered by `waitlistedAt`; when a place frees, the
 * first waiting person is promoted in the same transaction. Reminder columns make each reminder go once.
 */
export const eventRsvps = pgTable(
  'event_rsvps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    personId: person('person_id'),
    status: text('status').$type<RsvpStatus>().notNull(),
    waitlistedAt: timestamp('waitlisted_at', { withTimezone: true }),
    promotedAt: timestamp('promoted_at', { withTimezone: true }),
    reminded24hAt: timestamp('reminded_24h_at', { withTimezone: true }),
    reminded1hAt: timestamp('reminded_1h_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('event_rsvps_event_person_key').on(t.eventId, t.personId),
    index('event_rsvps_waitlist_idx').on(t.eventId, t.status, t.waitlistedAt),
    index('event_rsvps_person_idx').on(t.personId),
    check('event_rsvps_status', sql`${t.status} IN ('going', 'waitlisted', 'cancelled')`),
  ],
);

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

/**
 * "What to expect" at a meeting, written by the organization: for a fellowship, a type code, or both
 * (the most specific guide wins). Public, like the directory.
 */
export const meetingGuides = pgTable(
  'meeting_guides',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    language: text('language').notNull().default('en'),
    title: text('title').notNull(),
    fellowship: text('fellowship'),
    typeCode: text('type_code'),
    /** Plain text; paragraphs separated by blank lines. Never rendered as HTML. */
    body: text('body').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('meeting_guides_match_idx').on(t.fellowship, t.typeCode)],
);
