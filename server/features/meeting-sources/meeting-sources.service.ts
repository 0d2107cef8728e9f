import { setImmediate as nextTurn } from 'node:timers/promises';
import { and, count, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { FeedMeeting } from '../../../shared/contracts/meetings-feed.ts';
import {
  type MeetingImport,
  type MeetingSource,
  meetingImportPreviewSchema,
  type meetingSourceInputSchema,
} from '../../../shared/contracts/meetings-import.ts';
import type { Db } from '../../db/client.ts';
import { meetingImports, meetingSources } from '../../db/schema/meeting-sources.ts';
import { meetings } from '../../db/schema/meetings.ts';
import { badRequest, conflict, notFound } from '../../lib/app-error.ts';
import { isoOrNull } from '../../lib/dates.ts';
import { isUniqueViolation } from '../../lib/db-errors.ts';
import { canonicalTimeZone, forgetMeetingZones, NOT_AN_ARRAY } from '../meetings/meetings.public.ts';
import { FeedFetchError, fetchFeed } from './fetch-feed.ts';
import {
  commitNormalized,
  type ImportPreview,
  isImportError,
  type NormalizedFeed,
  normalizeForImport,
  planImport,
} from './meeting-sources.import.ts';

/**
 * Meeting sources an administrator manages: Meeting Guide feeds at a URL, or uploaded files, and their
 * imports (below). The organization's own groups (kind `own`) are not managed here and stay invisible
 * to these routes.
 */

type SourceInput = z.output<typeof meetingSourceInputSchema>;
type SourceRow = typeof meetingSources.$inferSelect;

const MANAGED = ['url', 'file'] as const;
/** Imports that hold a place: being checked, or waiting for an administrator's decision. */
const PENDING_STATUSES = ['checking', 'ready'] as const;

/** A managed source by id, or 404. */
async function managedSource(db: Db, id: string): Promise<SourceRow & { kind: 'url' | 'file' }> {
  const [row] = await db
    .select()
    .from(meetingSources)
    .where(and(eq(meetingSources.id, id), inArray(meetingSources.kind, [...MANAGED])));
  if (!row || row.kind === 'own') throw notFound('No such meeting source');
  return row as SourceRow & { kind: 'url' | 'file' };
}

function presentSource(row: SourceRow, meetingCount: number, pendingImportId: string | null): MeetingSource {
  const report = row.lastReport;
  return {
    id: row.id,
    name: row.name,
    kind: row.kind === 'url' ? 'url' : 'file',
    url: row.url,
    defaultTimezone: row.defaultTimezone,
    fellowship: row.fellowship,
    scheduled: row.scheduled,
    meetingCount,
    lastImportedAt: isoOrNull(row.lastImportedAt),
    lastReport: report
      ? {
          at: report.at,
          total: report.total,
          accepted: report.accepted,
          normalized: report.normalized,
          rejected: report.rejected.length,
          added: report.added,
          changed: report.changed,
          removed: report.removed,
          unchanged: report.unchanged,
        }
      : null,
    lastError: row.lastError,
    pendingImportId,
  };
}

export async function listSources(db: Db): Promise<MeetingSource[]> {
  const rows = await db
    .select()
    .from(meetingSources)
    .where(inArray(meetingSources.kind, [...MANAGED]))
    .orderBy(meetingSources.name);
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const counts = await db
    .select({ sourceId: meetings.sourceId, n: count() })
    .from(meetings)
    .where(inArray(meetings.sourceId, ids))
    .groupBy(meetings.sourceId);
  const pending = await db
    .select({ id: meetingImports.id, sourceId: meetingImports.sourceId })
    .from(meetingImports)
    .where(and(inArray(meetingImports.sourceId, ids), inArray(meetingImports.status, [...PENDING_STATUSES])))
    .orderBy(desc(meetingImports.createdAt));
  const countOf = new Map(counts.map((c) => [c.sourceId, c.n]));
  const pendingOf = new Map<string, string>();
  for (const p of pending) if (!pendingOf.has(p.sourceId)) pendingOf.set(p.sourceId, p.id);
  return rows.map((row) => presentSource(row, countOf.get(row.id) ?? 0, pendingOf.get(row.id) ?? null));
}

export async function getSource(db: Db, id: string): Promise<MeetingSource> {
  await managedSource(db, id);
  const all = await listSources(db);
  const found = all.find((source) => source.id === id);
  if (!found) throw notFound('No such meeting source');
  return found;
}

function columnsOf(input: SourceInput) {
  // The contract accepts what Intl knows; the normalizer's canonical name is what gets stored.
  const zone = canonicalTimeZone(input.defaultTimezone);
  if (!zone) {
    throw badRequest('body.defaultTimezone: Unknown time zone', [{ path: 'body.defaultTimezone', message: 'Unknown time zone' }]);
  }
  return {
    name: input.name,
    kind: input.kind,
    url: input.kind === 'url' ? input.url : null,
    defaultTimezone: zone,
    fellowship: input.fellowship ?? null,
    scheduled: input.kind === 'url' ? input.scheduled : false,
  };
}

const nameTaken = () => conflict('A source with this name already exists', [{ path: 'body.name', message: 'Already used' }]);

export async function createSource(db: Db, input: SourceInput): Promise<MeetingSource> {
  try {
    const [row] = await db.insert(meetingSources).values(columnsOf(input)).returning({ id: meetingSources.id });
    if (!row) throw new Error('source not created');
    return getSource(db, row.id);
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}

/** Edits a source; its kind stays (a file source's meetings did not come from a URL). */
export async function updateSource(db: Db, id: string, input: SourceInput): Promise<MeetingSource> {
  const existing = await managedSource(db, id);
  if (existing.kind !== input.kind) {
    throw badRequest('body.kind: A source cannot change kind; add a new source instead', [{ path: 'body.kind', message: 'Cannot change' }]);
  }
  try {
    await db
      .update(meetingSources)
      .set({ ...columnsOf(input), updatedAt: new Date() })
      .where(eq(meetingSources.id, id));
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
  return getSource(db, id);
}

/** Deletes a source with its meetings and imports (foreign keys cascade). */
export async function deleteSource(db: Db, id: string): Promise<void> {
  await managedSource(db, id);
  await db.delete(meetingSources).where(eq(meetingSources.id, id));
  forgetMeetingZones(db);
}

/**
 * Imports an administrator starts from the page: the feed is fetched (URL source) or uploaded (file
 * source), normalized and compared in the background (`checking`, with progress), then waits as a
 * preview (`ready`) until it is committed or discarded. The commit writes the stored normalized
 * meetings, so what is written is exactly what was previewed.
 */

type ImportRow = typeof meetingImports.$inferSelect;

/** A check that has not finished in this long died with its process. */
const CHECK_GIVES_UP_MS = 15 * 60_000;
const STALE = 'The source changed since this preview (another import was committed); preview again';

export interface ImportRuntime {
  db: Db;
  allowPrivateHosts: boolean;
  /** Logs failures of our own (never feed contents). */
  logError?: (error: unknown) => void;
}

/** Checks running in this process: the server waits for them before closing the database. */
const running = new Set<Promise<void>>();
export const settleImportChecks = async () => {
  await Promise.allSettled([...running]);
};

function presentImport(row: ImportRow): MeetingImport {
  return {
    id: row.id,
    sourceId: row.sourceId,
    status: row.status,
    progressDone: row.progressDone,
    progressTotal: row.progressTotal,
    preview: row.preview ? meetingImportPreviewSchema.parse(row.preview) : null,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    finishedAt: isoOrNull(row.finishedAt),
  };
}

export async function getImport(db: Db, id: string): Promise<MeetingImport> {
  const [row] = await db.select().from(meetingImports).where(eq(meetingImports.id, id));
  if (!row) throw notFound('No such import');
  return presentImport(row);
}

/** A feed as fetched (its text) or as uploaded (the request body, already parsed). */
type LoadedFeed = { text: string } | { parsed: unknown };

/** Where the feed of an import comes from: the source's URL, or the uploaded body. */
function feedLoader(runtime: ImportRuntime, source: SourceRow, upload: unknown): () => Promise<LoadedFeed> {
  if (source.kind === 'url' && source.url) {
    const url = source.url;
    return async () => ({ text: await fetchFeed(url, { allowPrivateHosts: runtime.allowPrivateHosts }) });
  }
  return async () => ({ parsed: upload });
}

/**
 * Starts an import: at most one per source is being checked or waiting, so a new one discards an
 * older preview (and is refused while another is still being checked).
 */
export async function startImport(
  runtime: ImportRuntime,
  { sourceId, actorId, upload }: { sourceId: string; actorId: string | null; upload: unknown },
): Promise<MeetingImport> {
  const { db } = runtime;
  const source = await managedSource(db, sourceId);
  if (source.kind === 'file' && (upload === undefined || upload === null)) {
    throw badRequest('Upload the feed file as the request body');
  }
  const row = await db.transaction(async (tx) => {
    await tx.select({ id: meetingSources.id }).from(meetingSources).where(eq(meetingSources.id, sourceId)).for('update');
    // A check left behind by a process that stopped will never finish.
    await tx
      .update(meetingImports)
      .set({ status: 'failed', error: 'The check was interrupted; start the import again', finishedAt: sql`now()` })
      .where(
        and(
          eq(meetingImports.sourceId, sourceId),
          eq(meetingImports.status, 'checking'),
          lt(meetingImports.createdAt, new Date(Date.now() - CHECK_GIVES_UP_MS)),
        ),
      );
    const [checking] = await tx
      .select({ id: meetingImports.id })
      .from(meetingImports)
      .where(and(eq(meetingImports.sourceId, sourceId), eq(meetingImports.status, 'checking')));
    if (checking) throw conflict('An import of this source is already being checked; wait for it to finish');
    await tx
      .update(meetingImports)
      .set({ status: 'discarded', normalized: null, finishedAt: sql`now()` })
      .where(and(eq(meetingImports.sourceId, sourceId), eq(meetingImports.status, 'ready')));
    const [created] = await tx.insert(meetingImports).values({ sourceId, status: 'checking', startedBy: actorId }).returning();
    if (!created) throw new Error('import not created');
    return created;
  });
  const task = checkImport(runtime, row.id, source, feedLoader(runtime, source, upload)).finally(() => running.delete(task));
  running.add(task);
  return presentImport(row);
}

/** Fetches, normalizes and compares; ends `ready` with the preview, or `failed` with the reason. */
async function checkImport(runtime: ImportRuntime, id: string, source: SourceRow, load: () => Promise<LoadedFeed>): Promise<void> {
  const { db } = runtime;
  const stillChecking = and(eq(meetingImports.id, id), eq(meetingImports.status, 'checking'));
  const fail = (error: string) => db.update(meetingImports).set({ status: 'failed', error, finishedAt: sql`now()` }).where(stillChecking);
  try {
    await nextTurn(); // answer the request first
    let loaded: LoadedFeed;
    try {
      loaded = await load();
    } catch (error) {
      if (error instanceof FeedFetchError) return void (await fail(error.message));
      throw error;
    }
    // An uploaded JSON string is a string, not feed text to parse again.
    const feed =
      'text' in loaded
        ? normalizeForImport(loaded.text, source.defaultTimezone, source.fellowship)
        : typeof loaded.parsed === 'string'
          ? { error: NOT_AN_ARRAY }
          : normalizeForImport(loaded.parsed, source.defaultTimezone, source.fellowship);
    if (isImportError(feed)) return void (await fail(feed.error));
    const plan = await planImport(db, source.id, feed, async (done, total) => {
      await db.update(meetingImports).set({ progressDone: done, progressTotal: total }).where(stillChecking);
      await nextTurn();
    });
    await db
      .update(meetingImports)
      .set({ status: 'ready', preview: plan.preview as unknown as Record<string, unknown>, normalized: feed.meetings })
      .where(stillChecking);
  } catch (error) {
    runtime.logError?.(error);
    await fail('The import could not be checked because of an error on our side; nothing was written').catch(() => {});
  }
}

const slugsOf = (entries: { slug: string }[]) => entries.map((entry) => entry.slug).join('\n');
const samePlan = (a: ImportPreview, b: ImportPreview) =>
  slugsOf(a.add) === slugsOf(b.add) && slugsOf(a.change) === slugsOf(b.change) && slugsOf(a.remove) === slugsOf(b.remove);

/** Writes a ready preview, in one transaction; 409 when the source changed since the preview. */
export async function commitPreviewed(db: Db, id: string): Promise<MeetingImport> {
  const [row] = await db.select().from(meetingImports).where(eq(meetingImports.id, id));
  if (!row) throw notFound('No such import');
  if (row.status !== 'ready' || !row.preview || !row.normalized) throw conflict(`This import is ${row.status}, not waiting for a decision`);
  const preview = meetingImportPreviewSchema.parse(row.preview);
  const { add: _a, change: _c, remove: _r, unchanged: _u, ...summary } = preview;
  const feed: NormalizedFeed = { summary, meetings: row.normalized as FeedMeeting[] };
  const result = await commitNormalized({
    db,
    sourceId: row.sourceId,
    feed,
    verify: async (tx, plan) => {
      const [source] = await tx
        .select({ lastImportedAt: meetingSources.lastImportedAt })
        .from(meetingSources)
        .where(eq(meetingSources.id, row.sourceId));
      if ((source?.lastImportedAt && source.lastImportedAt > row.createdAt) || !samePlan(plan.preview, preview)) return { error: STALE };
      // Claimed inside the transaction: two commits of one preview cannot both write.
      const claimed = await tx
        .update(meetingImports)
        .set({ status: 'done', normalized: null, finishedAt: sql`now()` })
        .where(and(eq(meetingImports.id, id), eq(meetingImports.status, 'ready')))
        .returning({ id: meetingImports.id });
      return claimed.length ? null : { error: 'This import was already committed or discarded' };
    },
  });
  if (isImportError(result)) {
    if (result.error === 'Unknown meeting source') throw notFound('No such import');
    if (result.error === STALE) {
      await db
        .update(meetingImports)
        .set({ status: 'discarded', normalized: null, error: STALE, finishedAt: sql`now()` })
        .where(and(eq(meetingImports.id, id), eq(meetingImports.status, 'ready')));
    }
    throw conflict(result.error);
  }
  return getImport(db, id);
}

export async function discardImport(db: Db, id: string): Promise<MeetingImport> {
  const [row] = await db
    .update(meetingImports)
    .set({ status: 'discarded', normalized: null, finishedAt: sql`now()` })
    .where(and(eq(meetingImports.id, id), inArray(meetingImports.status, [...PENDING_STATUSES])))
    .returning();
  if (row) return presentImport(row);
  const current = await getImport(db, id);
  if (current.status === 'discarded') return current;
  throw conflict(`This import is ${current.status}; it can no longer be discarded`);
}
