import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { FeedFixCode, FeedMeeting, FeedReport } from '../../../shared/contracts/meetings-feed.ts';
import type { MeetingImportEntry, MeetingImportPreview } from '../../../shared/contracts/meetings-import.ts';
import type { Db } from '../../db/client.ts';
import { meetingSources, meetings, type StoredImportReport } from '../../db/schema/meetings.ts';
import { isFeedError, normalizeFeed } from './feed/normalize.ts';
import { contentHashOf, meetingColumns } from './meeting-rows.ts';
import { forgetMeetingZones } from './meetings.finder.ts';

/** What importing a feed into a source would do (or did); see shared/contracts/meetings-import.ts. */
export type ImportPreview = MeetingImportPreview;
export type ImportEntry = MeetingImportEntry;

export interface ImportError {
  error: string;
}

export const isImportError = (result: object): result is ImportError => 'error' in result;

export interface ImportOptions {
  db: Db;
  /** The source to compare with and write to; null: the organization's own groups. */
  sourceId: string | null;
  /** The feed: parsed JSON, or its text. */
  raw: unknown;
  defaultTimezone: string;
  /** The fellowship of records that name none (Meeting Guide feeds never do). */
  defaultFellowship?: string | null;
}

/** The feed after normalizing: what a preview reports and the meetings a commit writes. */
export interface NormalizedFeed {
  summary: Pick<ImportPreview, 'total' | 'accepted' | 'normalized' | 'rejected' | 'fixes' | 'ignoredFields'>;
  meetings: FeedMeeting[];
}

export interface Plan {
  preview: ImportPreview;
  inserts: FeedMeeting[];
  updates: FeedMeeting[];
  removeSlugs: string[];
}

/** Called while comparing a large feed, so a page can show how far it has got. */
export type ImportProgress = (done: number, total: number) => Promise<void>;
const PROGRESS_STEP = 500;

const bySource = (sourceId: string | null) => (sourceId === null ? isNull(meetings.sourceId) : eq(meetings.sourceId, sourceId));

/** Parses (when given text) and normalizes a feed; the fellowship fills in records that name none. */
export function normalizeForImport(
  raw: unknown,
  defaultTimezone: string,
  defaultFellowship: string | null = null,
): NormalizedFeed | ImportError {
  let parsed = raw;
  if (typeof raw === 'string') {
    try {
      parsed = JSON.parse(raw.replace(/^\uFEFF/, ''));
    } catch (error) {
      return { error: `The feed is not valid JSON (${(error as Error).message})` };
    }
  }
  const report: FeedReport | { error: string } = normalizeFeed(parsed, { defaultTimezone });
  if (isFeedError(report)) return { error: report.error };
  if (defaultFellowship) for (const meeting of report.accepted) meeting.fellowship ??= defaultFellowship;
  const fixes: Partial<Record<FeedFixCode, number>> = {};
  for (const record of report.fixes) for (const fix of record.fixes) fixes[fix] = (fixes[fix] ?? 0) + 1;
  return {
    summary: {
      total: report.total,
      accepted: report.accepted.length,
      normalized: report.normalized,
      rejected: report.rejected,
      fixes,
      ignoredFields: report.ignoredFields,
    },
    meetings: report.accepted,
  };
}

/** Compares normalized meetings with what the source holds now, by slug and content hash. */
export async function planImport(db: Db, sourceId: string | null, feed: NormalizedFeed, onProgress?: ImportProgress): Promise<Plan> {
  const existing = await db
    .select({ slug: meetings.slug, name: meetings.name, contentHash: meetings.contentHash })
    .from(meetings)
    .where(bySource(sourceId));
  const current = new Map(existing.map((row) => [row.slug, row]));
  const inserts: FeedMeeting[] = [];
  const updates: FeedMeeting[] = [];
  let unchanged = 0;
  let done = 0;
  for (const meeting of feed.meetings) {
    const row = current.get(meeting.slug);
    if (!row) inserts.push(meeting);
    else if (row.contentHash !== contentHashOf(meeting)) updates.push(meeting);
    else unchanged += 1;
    current.delete(meeting.slug);
    if (onProgress && ++done % PROGRESS_STEP === 0) await onProgress(done, feed.meetings.length);
  }
  if (onProgress) await onProgress(feed.meetings.length, feed.meetings.length);
  const removed = [...current.values()].sort((a, b) => (a.slug < b.slug ? -1 : 1));
  const entry = ({ slug, name }: ImportEntry) => ({ slug, name });
  return {
    preview: {
      ...feed.summary,
      add: inserts.map(entry),
      change: updates.map(entry),
      remove: removed.map(entry),
      unchanged,
    },
    inserts,
    updates,
    removeSlugs: removed.map((row) => row.slug),
  };
}

/** What an import would do, compared with what the source holds now. Writes nothing. */
export async function previewImport(options: ImportOptions): Promise<ImportPreview | ImportError> {
  const feed = normalizeForImport(options.raw, options.defaultTimezone, options.defaultFellowship ?? null);
  if (isImportError(feed)) return feed;
  return (await planImport(options.db, options.sourceId, feed)).preview;
}

// ~50 columns a row: well under PostgreSQL's 65,535 parameters a statement.
const INSERT_CHUNK = 250;
const DELETE_CHUNK = 1000;
// Imports into the organization's own groups (no source row to lock) take this lock instead.
const OWN_GROUPS_LOCK = 4_871_230_202;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Applies an import in one transaction: inserts new meetings, updates changed ones, deletes those the
 * feed no longer has, and stores the report on the source. An error anywhere writes nothing. The same
 * feed twice: the second changes nothing.
 */
export async function commitImport(options: ImportOptions): Promise<ImportPreview | ImportError> {
  const feed = normalizeForImport(options.raw, options.defaultTimezone, options.defaultFellowship ?? null);
  if (isImportError(feed)) return feed;
  return commitNormalized({ db: options.db, sourceId: options.sourceId, feed });
}

export interface CommitNormalizedOptions {
  db: Db;
  sourceId: string | null;
  feed: NormalizedFeed;
  /**
   * Runs inside the transaction, with the source locked and the plan made, before anything is
   * written: an error it returns rolls back and is returned (a preview that no longer holds).
   */
  verify?: (tx: Db, plan: Plan) => Promise<ImportError | null>;
}

/** The one write path of every import (CLI, upload, URL, schedule): see commitImport. */
export async function commitNormalized(options: CommitNormalizedOptions): Promise<ImportPreview | ImportError> {
  const result = await commitInTransaction(options);
  // The finder caches which zones hold meetings: this process sees a new zone at once, others within a minute.
  if (!isImportError(result)) forgetMeetingZones(options.db);
  return result;
}

const rollback = Symbol('rollback');

async function commitInTransaction(options: CommitNormalizedOptions): Promise<ImportPreview | ImportError> {
  let refused: ImportError | null = null;
  try {
    return await writeInTransaction(options, (error) => {
      refused = error;
      throw rollback;
    });
  } catch (error) {
    if (error === rollback && refused) return refused;
    throw error;
  }
}

function writeInTransaction(options: CommitNormalizedOptions, refuse: (error: ImportError) => never): Promise<ImportPreview | ImportError> {
  return options.db.transaction(async (tx) => {
    // One import of a source at a time: the comparison and the writes see the same rows.
    if (options.sourceId === null) await tx.execute(sql`select pg_advisory_xact_lock(${OWN_GROUPS_LOCK})`);
    else {
      const [source] = await tx
        .select({ id: meetingSources.id })
        .from(meetingSources)
        .where(eq(meetingSources.id, options.sourceId))
        .for('update');
      if (!source) return { error: 'Unknown meeting source' };
    }
    const { sourceId } = options;
    const result = await planImport(tx, sourceId, options.feed);
    const verdict = options.verify ? await options.verify(tx, result) : null;
    if (verdict) refuse(verdict);
    for (const chunk of chunks(result.inserts, INSERT_CHUNK)) {
      await tx.insert(meetings).values(chunk.map((meeting) => ({ ...meetingColumns(meeting), sourceId })));
    }
    for (const meeting of result.updates) {
      await tx
        .update(meetings)
        .set({ ...meetingColumns(meeting), updatedAt: sql`now()` })
        .where(and(bySource(sourceId), eq(meetings.slug, meeting.slug)));
    }
    for (const chunk of chunks(result.removeSlugs, DELETE_CHUNK)) {
      await tx.delete(meetings).where(and(bySource(sourceId), inArray(meetings.slug, chunk)));
    }
    if (sourceId !== null) {
      const { preview } = result;
      const stored: StoredImportReport = {
        at: new Date().toISOString(),
        total: preview.total,
        accepted: preview.accepted,
        normalized: preview.normalized,
        rejected: preview.rejected,
        fixes: preview.fixes,
        ignoredFields: preview.ignoredFields,
        added: preview.add.length,
        changed: preview.change.length,
        removed: preview.remove.length,
        unchanged: preview.unchanged,
      };
      await tx
        .update(meetingSources)
        .set({ lastImportedAt: sql`now()`, lastReport: stored, lastError: null, updatedAt: sql`now()` })
        .where(eq(meetingSources.id, sourceId));
    }
    return result.preview;
  });
}
