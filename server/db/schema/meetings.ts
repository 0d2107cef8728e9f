import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import type { AttendanceMode, FeedMeeting } from '../../../shared/contracts/meetings-feed.ts';
import { createdAt, updatedAt } from './columns.ts';
import { meetingSources } from './meeting-sources.ts';

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
