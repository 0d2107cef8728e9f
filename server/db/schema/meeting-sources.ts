import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { FeedFixCode } from '../../../shared/contracts/meetings-feed.ts';
import { users } from './auth.ts';
import { createdAt, updatedAt } from './columns.ts';

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
