import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ContactType } from '../../../shared/contracts/coaching-base.ts';
import type { LifeDomain } from '../../../shared/contracts/plans.ts';
import { users } from './auth.ts';
import { coachingRelationships } from './coaching.ts';
import { createdAt, person, updatedAt } from './columns.ts';

export const coachingSessions = pgTable(
  'coaching_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    relationshipId: uuid('relationship_id')
      .notNull()
      .references(() => coachingRelationships.id, { onDelete: 'cascade' }),
    coachId: person('coach_id'),
    memberId: person('member_id'),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }).notNull(),
    durationMinutes: smallint('duration_minutes').notNull(),
    contactType: text('contact_type').$type<ContactType>().notNull(),
    location: text('location'),
    videoUrl: text('video_url'),
    status: text('status', { enum: ['scheduled', 'completed', 'cancelled', 'missed'] })
      .notNull()
      .default('scheduled'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('coaching_sessions_member_idx').on(t.memberId, t.scheduledAt),
    index('coaching_sessions_coach_idx').on(t.coachId, t.scheduledAt),
    check('coaching_sessions_duration_range', sql`${t.durationMinutes} BETWEEN 5 AND 480`),
  ],
);

/** The coach's documentation of one contact. The member can read every note about them. */
export const sessionNotes = pgTable(
  'session_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id').references(() => coachingSessions.id, { onDelete: 'set null' }),
    relationshipId: uuid('relationship_id')
      .notNull()
      .references(() => coachingRelationships.id, { onDelete: 'cascade' }),
    authorId: person('author_id'),
    memberId: person('member_id'),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    durationMinutes: smallint('duration_minutes').notNull(),
    contactType: text('contact_type').$type<ContactType>().notNull(),
    lifeDomains: text('life_domains').array().$type<LifeDomain[]>().notNull().default(sql`'{}'::text[]`),
    goalsMoved: text('goals_moved').array().notNull().default(sql`'{}'::text[]`),
    summary: text('summary').notNull().default(''),
    nextSteps: text('next_steps').notNull().default(''),
    signedOffBy: uuid('signed_off_by').references(() => users.id, { onDelete: 'set null' }),
    signedOffAt: timestamp('signed_off_at', { withTimezone: true }),
    /** A supervisor sent it back for changes with a comment; cleared when the coach resubmits. */
    returnedBy: uuid('returned_by').references(() => users.id, { onDelete: 'set null' }),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    returnComment: text('return_comment'),
    /** The number of the text shown (1: never corrected); earlier ones are in session_note_revisions. */
    revision: smallint('revision').notNull().default(1),
    /** Last correction of a note that had been signed off: it is marked corrected and signed off again. */
    correctedAt: timestamp('corrected_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('session_notes_session_unique').on(t.sessionId),
    index('session_notes_member_idx').on(t.memberId, t.occurredOn),
    index('session_notes_unsigned_idx').on(t.createdAt).where(sql`${t.signedOffAt} IS NULL`),
  ],
);

/**
 * An earlier text of a note, kept when the coach corrects it, with the sign-off it had: the record of
 * what was written and signed, for audit. Goes with its note.
 */
export const sessionNoteRevisions = pgTable(
  'session_note_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    noteId: uuid('note_id')
      .notNull()
      .references(() => sessionNotes.id, { onDelete: 'cascade' }),
    revision: smallint('revision').notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    durationMinutes: smallint('duration_minutes').notNull(),
    contactType: text('contact_type').$type<ContactType>().notNull(),
    lifeDomains: text('life_domains').array().$type<LifeDomain[]>().notNull(),
    goalsMoved: text('goals_moved').array().notNull(),
    summary: text('summary').notNull(),
    nextSteps: text('next_steps').notNull(),
    signedOffBy: uuid('signed_off_by').references(() => users.id, { onDelete: 'set null' }),
    signedOffAt: timestamp('signed_off_at', { withTimezone: true }),
    /** Who replaced this text, when, and why (required once the text had been signed off). */
    replacedBy: uuid('replaced_by').references(() => users.id, { onDelete: 'set null' }),
    replacedAt: timestamp('replaced_at', { withTimezone: true }).notNull(),
    reason: text('reason'),
  },
  (t) => [uniqueIndex('session_note_revisions_unique').on(t.noteId, t.revision)],
);

/** A referral a coach made for a client; open until the coach records how it ended. */
export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    relationshipId: uuid('relationship_id')
      .notNull()
      .references(() => coachingRelationships.id, { onDelete: 'cascade' }),
    noteId: uuid('note_id').references(() => sessionNotes.id, { onDelete: 'set null' }),
    coachId: person('coach_id'),
    memberId: person('member_id'),
    service: text('service').notNull(),
    reason: text('reason'),
    status: text('status', { enum: ['open', 'connected', 'declined', 'closed'] })
      .notNull()
      .default('open'),
    createdAt: createdAt(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [index('referrals_member_idx').on(t.memberId, t.status)],
);
