import { setImmediate as nextTurn } from 'node:timers/promises';
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { FeedMeeting } from '../../../shared/contracts/meetings-feed.ts';
import { type MeetingImport, meetingImportPreviewSchema } from '../../../shared/contracts/meetings-import.ts';
import type { Db } from '../../db/client.ts';
import { meetingImports, meetingSources } from '../../db/schema/meetings.ts';
import { AppError, conflict, notFound } from '../../lib/app-error.ts';
import { NOT_AN_ARRAY } from './feed/normalize.ts';
import { FeedFetchError, fetchFeed } from './fetch-feed.ts';
import {
  commitNormalized,
  type ImportPreview,
  isImportError,
  type NormalizedFeed,
  normalizeForImport,
  planImport,
} from './import.service.ts';
import { managedSource, PENDING_STATUSES, type SourceRow } from './sources.service.ts';

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

function present(row: ImportRow): MeetingImport {
  return {
    id: row.id,
    sourceId: row.sourceId,
    status: row.status,
    progressDone: row.progressDone,
    progressTotal: row.progressTotal,
    preview: row.preview ? meetingImportPreviewSchema.parse(row.preview) : null,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export async function getImport(db: Db, id: string): Promise<MeetingImport> {
  const [row] = await db.select().from(meetingImports).where(eq(meetingImports.id, id));
  if (!row) throw notFound('No such import');
  return present(row);
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
    throw new AppError('VALIDATION_FAILED', 'Upload the feed file as the request body');
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
  return present(row);
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
  if (row) return present(row);
  const current = await getImport(db, id);
  if (current.status === 'discarded') return current;
  throw conflict(`This import is ${current.status}; it can no longer be discarded`);
}
