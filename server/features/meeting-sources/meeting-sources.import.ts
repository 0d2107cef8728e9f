import { eq, sql } from 'drizzle-orm';
import { type FeedFixCode, type FeedMeeting, type FeedReport, feedFixKind } from '../../../shared/contracts/meetings-feed.ts';
import type { MeetingImportEntry, MeetingImportPreview } from '../../../shared/contracts/meetings-import.ts';
import type { Db } from '../../db/client.ts';
import { meetingSources, type StoredImportReport } from '../../db/schema/meeting-sources.ts';
import { commitSourceMeetings, contentHashOf, isFeedError, normalizeFeed, sourceMeetings } from '../meetings/meetings.public.ts';

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
  summary: Pick<ImportPreview, 'total' | 'accepted' | 'normalized' | 'rejected' | 'fixes' | 'warnings' | 'ignoredFields'>;
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
  const warnings: ImportPreview['warnings'] = [];
  const nameOf = new Map<number, string>();
  report.origins.forEach((index, i) => {
    if (!nameOf.has(index)) nameOf.set(index, report.accepted[i]?.name ?? '');
  });
  for (const record of report.fixes) {
    for (const fix of record.fixes) fixes[fix] = (fixes[fix] ?? 0) + 1;
    const codes = record.fixes.filter((fix) => feedFixKind(fix) === 'warning');
    const [slug] = record.slugs;
    if (codes.length > 0 && slug) warnings.push({ slug, name: nameOf.get(record.index) ?? slug, codes });
  }
  return {
    summary: {
      total: report.total,
      accepted: report.accepted.length,
      normalized: report.normalized,
      rejected: report.rejected,
      fixes,
      warnings,
      ignoredFields: report.ignoredFields,
    },
    meetings: report.accepted,
  };
}

/** Compares normalized meetings with what the source holds now, by slug and content hash. */
export async function planImport(db: Db, sourceId: string | null, feed: NormalizedFeed, onProgress?: ImportProgress): Promise<Plan> {
  const existing = await sourceMeetings(db, sourceId);
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

/**
 * The one write path of every import (CLI, upload, URL, schedule): see commitImport. The meetings are
 * written by commitSourceMeetings (the meetings feature owns them); around it, in the same transaction,
 * the source row is locked before the plan is made and the report is stored on it after the writes.
 */
export async function commitNormalized(options: CommitNormalizedOptions): Promise<ImportPreview | ImportError> {
  const { db, sourceId, feed, verify } = options;
  const result = await commitSourceMeetings<Plan>({
    db,
    sourceId,
    plan: async (tx) => {
      // One import of a source at a time: the comparison and the writes see the same rows (the own
      // groups' lock is taken by commitSourceMeetings).
      if (sourceId !== null) {
        const [source] = await tx
          .select({ id: meetingSources.id })
          .from(meetingSources)
          .where(eq(meetingSources.id, sourceId))
          .for('update');
        if (!source) return { error: 'Unknown meeting source' };
      }
      const plan = await planImport(tx, sourceId, feed);
      return (verify ? await verify(tx, plan) : null) ?? plan;
    },
    finish: async (tx, { preview }) => {
      if (sourceId === null) return;
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
    },
  });
  return isImportError(result) ? result : result.preview;
}
