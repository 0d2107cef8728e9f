import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth.ts';
import { createdAt, person, updatedAt } from './columns.ts';

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
