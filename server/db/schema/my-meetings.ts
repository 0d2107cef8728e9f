import { boolean, date, index, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth.ts';
import { createdAt, person } from './columns.ts';
import { meetings } from './meetings.ts';

/** A member's saved meetings ("my meetings"). */
export const savedMeetings = pgTable(
  'saved_meetings',
  {
    personId: person('person_id'),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.meetingId] }), index('saved_meetings_meeting_idx').on(t.meetingId)],
);

/**
 * "I went": one row per person, meeting and local day. The meeting's name is kept so the record
 * survives a re-import that removes the meeting. `verified`: the secretary's code of that day was given.
 */
export const meetingAttendance = pgTable(
  'meeting_attendance',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: person('person_id'),
    meetingId: uuid('meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
    meetingName: text('meeting_name').notNull(),
    attendedOn: date('attended_on').notNull(),
    verified: boolean('verified').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('meeting_attendance_once_a_day').on(t.personId, t.meetingId, t.attendedOn),
    index('meeting_attendance_person_day_idx').on(t.personId, t.attendedOn),
  ],
);

/** Who may hand out a meeting's proof-of-attendance code (named by an administrator). */
export const meetingSecretaries = pgTable(
  'meeting_secretaries',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    personId: person('person_id'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.personId] })],
);

/** A meeting's proof-of-attendance code for one local day, stored as a hash. */
export const meetingAttendanceCodes = pgTable(
  'meeting_attendance_codes',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    validOn: date('valid_on').notNull(),
    codeHash: text('code_hash').notNull(),
    issuedBy: uuid('issued_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.validOn] })],
);

/** The private address of a member's "my meetings" calendar; only the token's hash is kept. */
export const calendarSubscriptions = pgTable('calendar_subscriptions', {
  personId: uuid('person_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: createdAt(),
});
