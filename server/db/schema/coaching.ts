import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  check,
  index,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { CoachingPreferences, Gender, RelationshipStatus, WeeklySlot } from '../../../shared/contracts/coaching-base.ts';
import type { Scope } from '../../../shared/contracts/consent.ts';
import { users } from './auth.ts';
import { person, updatedAt } from './columns.ts';
import { consentGrants } from './consent.ts';

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
