import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { CoachingPreferences, ContactType, Gender, RelationshipStatus, WeeklySlot } from '../../../shared/contracts/coaching-base.ts';
import type { Scope } from '../../../shared/contracts/consent.ts';
import type { LifeDomain } from '../../../shared/contracts/plans.ts';
import { users } from './accounts.ts';
import { consentGrants } from './consent.ts';

const person = (name: string) =>
  uuid(name)
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' });
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/**
 * A coach's public face to members and supervisors. `seatsTaken` counts relationships that hold a
 * seat (proposed, active, paused); the CHECK makes over-filling impossible even when two supervisors
 * approve at the same moment, because every change to it is one UPDATE on this row.
 */
export const coachProfiles = pgTable(
  'coach_profiles',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    livedExperience: text('lived_experience').notNull().default(''),
    pathways: text('pathways').array().notNull().default(sql`'{}'::text[]`),
    specialties: text('specialties').array().notNull().default(sql`'{}'::text[]`),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    gender: text('gender').$type<Gender>(),
    timezone: text('timezone').notNull(),
    availability: jsonb('availability').$type<WeeklySlot[]>().notNull().default([]),
    maxCaseload: smallint('max_caseload').notNull(),
    seatsTaken: smallint('seats_taken').notNull().default(0),
    certification: text('certification'),
    /** A coach can stop taking new clients without changing their maximum. */
    accepting: boolean('accepting').notNull().default(true),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('coach_profiles_caseload_range', sql`${t.maxCaseload} BETWEEN 0 AND 200`),
    check('coach_profiles_seats_within_caseload', sql`${t.seatsTaken} >= 0 AND ${t.seatsTaken} <= ${t.maxCaseload}`),
  ],
);

/**
 * A member's request for a coach and the relationship it becomes: requested → proposed → active ⇄
 * paused → transferred | closed (or declined by the member, withdrawn by the member). A member has at
 * most one open row (the partial unique index).
 */
export const coachingRelationships = pgTable(
  'coaching_relationships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    memberId: person('member_id'),
    coachId: uuid('coach_id').references(() => users.id, { onDelete: 'set null' }),
    status: text('status').$type<RelationshipStatus>().notNull(),
    preferences: jsonb('preferences').$type<CoachingPreferences>().notNull(),
    /** A member may ask for a named coach. */
    requestedCoachId: uuid('requested_coach_id').references(() => users.id, { onDelete: 'set null' }),
    /** What the member wants a coach to know, in their words; shown to the supervisor and the proposed coach. */
    intakeNote: text('intake_note'),
    /** The fit at proposal, component by component, as the supervisor saw it. */
    match: jsonb('match').$type<Record<string, unknown>>(),
    /** The consent grant the member made on accepting; revoked when the relationship ends. */
    grantId: uuid('grant_id').references(() => consentGrants.id, { onDelete: 'set null' }),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    proposedAt: timestamp('proposed_at', { withTimezone: true }),
    proposedBy: uuid('proposed_by').references(() => users.id, { onDelete: 'set null' }),
    startedAt: timestamp('started_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endReason: text('end_reason'),
    transferredTo: uuid('transferred_to').references((): AnyPgColumn => coachingRelationships.id, { onDelete: 'set null' }),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('coaching_relationships_one_open_per_member')
      .on(t.memberId)
      .where(sql`${t.status} IN ('requested', 'proposed', 'active', 'paused')`),
    index('coaching_relationships_coach_idx').on(t.coachId, t.status),
    index('coaching_relationships_status_idx').on(t.status, t.requestedAt),
  ],
);

/** The relationship's history: every change of status, who made it, and why. */
export const coachingRelationshipEvents = pgTable(
  'coaching_relationship_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    relationshipId: uuid('relationship_id')
      .notNull()
      .references(() => coachingRelationships.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    fromStatus: text('from_status').$type<RelationshipStatus>(),
    toStatus: text('to_status').$type<RelationshipStatus>().notNull(),
    reason: text('reason'),
    /** Scopes the member ticked when accepting. */
    scopes: text('scopes').array().$type<Scope[]>(),
  },
  (t) => [index('coaching_relationship_events_rel_idx').on(t.relationshipId, t.id)],
);

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
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('session_notes_session_unique').on(t.sessionId),
    index('session_notes_member_idx').on(t.memberId, t.occurredOn),
    index('session_notes_unsigned_idx').on(t.createdAt).where(sql`${t.signedOffAt} IS NULL`),
  ],
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

/**
 * A two-person conversation (coach and client, accountability partners, first-meeting buddies).
 * `a_id < b_id` so a pair has one row per kind. Messages carry a per-conversation sequence number so
 * a client can resync from the last one it saw.
 */
export const conversations = pgTable(
  'conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ['coaching', 'partners', 'buddy'] }).notNull(),
    aId: person('a_id'),
    bId: person('b_id'),
    lastSeq: integer('last_seq').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('conversations_pair_unique').on(t.kind, t.aId, t.bId), check('conversations_pair_order', sql`${t.aId} < ${t.bId}`)],
);

export const messages = pgTable(
  'messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    senderId: person('sender_id'),
    body: text('body').notNull(),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('messages_conversation_seq_unique').on(t.conversationId, t.seq)],
);

/**
 * Two members who keep each other accountable. Each side's grant is its own consent grant with the
 * scopes that side chose; ending the partnership revokes both.
 */
export const partnerships = pgTable(
  'partnerships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    inviterId: person('inviter_id'),
    inviteeId: person('invitee_id'),
    status: text('status', { enum: ['invited', 'active', 'declined', 'cancelled', 'ended'] }).notNull(),
    inviterScopes: text('inviter_scopes').array().$type<Scope[]>().notNull(),
    inviteeScopes: text('invitee_scopes').array().$type<Scope[]>(),
    inviterGrantId: uuid('inviter_grant_id').references(() => consentGrants.id, { onDelete: 'set null' }),
    inviteeGrantId: uuid('invitee_grant_id').references(() => consentGrants.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endedBy: uuid('ended_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('partnerships_one_open_per_pair')
      .on(sql`least(${t.inviterId}, ${t.inviteeId})`, sql`greatest(${t.inviterId}, ${t.inviteeId})`)
      .where(sql`${t.status} IN ('invited', 'active')`),
    index('partnerships_invitee_idx').on(t.inviteeId, t.status),
    index('partnerships_inviter_idx').on(t.inviterId, t.status),
    check('partnerships_two_people', sql`${t.inviterId} <> ${t.inviteeId}`),
  ],
);

/** A member pressed SOS: the people they granted `sos` are alerted, and their coach sees a risk flag. */
export const sosEvents = pgTable(
  'sos_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: person('user_id'),
    createdAt: createdAt(),
  },
  (t) => [index('sos_events_user_idx').on(t.userId, t.createdAt)],
);

/** One alert per client, coach, rule and local day: the unique index makes the alert job idempotent. */
export const riskAlerts = pgTable(
  'risk_alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    memberId: person('member_id'),
    coachId: person('coach_id'),
    rule: text('rule').notNull(),
    localDate: date('local_date', { mode: 'string' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('risk_alerts_once_a_day').on(t.memberId, t.coachId, t.rule, t.localDate)],
);
