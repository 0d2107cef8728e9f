import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { AttendanceMode, FeedFixCode, FeedMeeting } from '../../../shared/contracts/meetings-feed.ts';
import { users } from './accounts.ts';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export type MeetingSourceKind = 'url' | 'file' | 'own';

/** The last import of a source, as stored (the accepted meetings themselves are in `meetings`). */
export interface StoredImportReport {
  at: string;
  total: number;
  accepted: number;
  normalized: number;
  rejected: { index: number; slug: string | null; reason: string }[];
  fixes: Partial<Record<FeedFixCode, number>>;
  ignoredFields: string[];
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
}

/**
 * Where meetings come from: a Meeting Guide feed at a URL, an uploaded file, or the organization's own
 * groups. Meetings are public directory data, never personal data.
 */
export const meetingSources = pgTable(
  'meeting_sources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    kind: text('kind').$type<MeetingSourceKind>().notNull(),
    url: text('url'),
    /** The zone of records without a `timezone`. */
    defaultTimezone: text('default_timezone').notNull(),
    /** Re-import on a schedule (URL sources). */
    scheduled: boolean('scheduled').notNull().default(false),
    /** Meeting Guide feeds carry no fellowship: a source names the one its meetings belong to. */
    fellowship: text('fellowship'),
    /** The last scheduled or manual import that failed, and why (cleared by a successful one). */
    lastError: text('last_error'),
    lastImportedAt: timestamp('last_imported_at', { withTimezone: true }),
    lastReport: jsonb('last_report').$type<StoredImportReport>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('meeting_sources_name_key').on(t.name),
    check('meeting_sources_kind', sql`${t.kind} IN ('url', 'file', 'own')`),
    check('meeting_sources_url_kind', sql`(${t.kind} = 'url') = (${t.url} IS NOT NULL)`),
  ],
);

/**
 * One meeting of the directory, every field of the normalized feed (shared/contracts/meetings-feed.ts).
 * `sourceId` null: one of the organization's own groups. `contentHash` is the hash of the normalized
 * meeting, so a re-import changes only what changed.
 */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sourceId: uuid('source_id').references(() => meetingSources.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    /** 0 = Sunday … 6 = Saturday; null with `time` null: by appointment. */
    day: smallint('day'),
    /** 'HH:MM' local to `timezone`. */
    time: text('time'),
    endTime: text('end_time'),
    crossesMidnight: boolean('crosses_midnight').notNull().default(false),
    timezone: text('timezone').notNull(),
    types: text('types').array().notNull().default(sql`'{}'::text[]`),
    customTypes: text('custom_types').array().notNull().default(sql`'{}'::text[]`),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    attendanceMode: text('attendance_mode').$type<AttendanceMode>().notNull(),
    location: text('location'),
    locationNotes: text('location_notes'),
    formattedAddress: text('formatted_address'),
    address: text('address'),
    city: text('city'),
    state: text('state'),
    postalCode: text('postal_code'),
    country: text('country'),
    approximate: boolean('approximate').notNull().default(false),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    regions: text('regions').array().notNull().default(sql`'{}'::text[]`),
    /** AA, NA, SMART Recovery, …: from the source, or set on the organization's own groups. */
    fellowship: text('fellowship'),
    conferenceUrl: text('conference_url'),
    conferenceUrlNotes: text('conference_url_notes'),
    conferencePhone: text('conference_phone'),
    conferencePhoneNotes: text('conference_phone_notes'),
    notes: text('notes'),
    group: text('group'),
    groupNotes: text('group_notes'),
    district: text('district'),
    website: text('website'),
    email: text('email'),
    phone: text('phone'),
    url: text('url'),
    editUrl: text('edit_url'),
    feedbackUrl: text('feedback_url'),
    feedbackEmails: text('feedback_emails').array().notNull().default(sql`'{}'::text[]`),
    venmo: text('venmo'),
    square: text('square'),
    paypal: text('paypal'),
    homegroupOnline: text('homegroup_online'),
    entity: jsonb('entity').$type<FeedMeeting['entity']>(),
    contacts: jsonb('contacts').$type<FeedMeeting['contacts']>().notNull().default([]),
    /** When the feed says the meeting last changed. */
    updated: timestamp('updated', { withTimezone: true }),
    contentHash: text('content_hash').notNull(),
    /**
     * The meeting as its Meeting Guide record (JSON text), written with every change: the export of a
     * whole directory then streams stored text instead of rebuilding 100,000 records. Null: the export
     * builds it from the columns.
     */
    feedJson: text('feed_json'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Own groups (source null) have unique slugs too.
    unique('meetings_source_slug_key').on(t.sourceId, t.slug).nullsNotDistinct(),
    index('meetings_day_time_idx').on(t.day, t.time),
    index('meetings_attendance_mode_idx').on(t.attendanceMode),
    index('meetings_fellowship_idx').on(t.fellowship),
    // A bounding box (latitude BETWEEN … AND longitude BETWEEN …) for "near me".
    index('meetings_lat_lng_idx').on(t.latitude, t.longitude),
    check('meetings_day_range', sql`${t.day} BETWEEN 0 AND 6`),
    check('meetings_time_format', sql`${t.time} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`),
    check('meetings_end_time_format', sql`${t.endTime} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`),
    check('meetings_schedule_complete', sql`(${t.day} IS NULL) = (${t.time} IS NULL)`),
    check('meetings_attendance_mode', sql`${t.attendanceMode} IN ('in_person', 'online', 'hybrid', 'inactive')`),
    check('meetings_coordinates_pair', sql`(${t.latitude} IS NULL) = (${t.longitude} IS NULL)`),
    check('meetings_latitude_range', sql`${t.latitude} BETWEEN -90 AND 90`),
    check('meetings_longitude_range', sql`${t.longitude} BETWEEN -180 AND 180`),
  ],
);

/**
 * A number every change to `meetings` raises (a statement trigger, see migration 0006): each process
 * keeps the directory in memory for the finder and reloads it when this moves.
 */
export const meetingDirectoryVersion = pgTable(
  'meeting_directory_version',
  {
    id: boolean('id').primaryKey().default(true),
    version: integer('version').notNull().default(0),
  },
  (t) => [check('meeting_directory_version_single', sql`${t.id}`)],
);

export type MeetingImportStatus = 'checking' | 'ready' | 'committing' | 'done' | 'failed' | 'discarded';

/**
 * One import of a source: fetched or uploaded, normalized and compared (`checking`), waiting for an
 * administrator to look at the preview (`ready`), then written in one transaction (`committing` →
 * `done`). `progress` lets the page show how far a large feed has got. `normalized` holds the accepted
 * meetings between preview and commit, so the commit writes exactly what was previewed.
 */
export const meetingImports = pgTable(
  'meeting_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => meetingSources.id, { onDelete: 'cascade' }),
    status: text('status').$type<MeetingImportStatus>().notNull(),
    /** Who started it; null for the schedule. */
    startedBy: uuid('started_by').references(() => users.id, { onDelete: 'set null' }),
    progressDone: integer('progress_done').notNull().default(0),
    progressTotal: integer('progress_total').notNull().default(0),
    preview: jsonb('preview').$type<Record<string, unknown>>(),
    normalized: jsonb('normalized').$type<unknown[]>(),
    error: text('error'),
    createdAt: createdAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('meeting_imports_source_idx').on(t.sourceId, t.createdAt),
    check('meeting_imports_status', sql`${t.status} IN ('checking', 'ready', 'committing', 'done', 'failed', 'discarded')`),
  ],
);

const person = (name: string) =>
  uuid(name)
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' });

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
