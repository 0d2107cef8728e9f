import { and, eq, gt, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { meetingImports, meetingSources } from '../../db/schema/meeting-sources.ts';
import { FeedFetchError, fetchFeed } from './fetch-feed.ts';
import { commitNormalized, isImportError, normalizeForImport } from './meeting-sources.import.ts';

const HOUR_MS = 3_600_000;
/** A scheduled source is re-imported once a day. */
const EVERY_MS = 24 * HOUR_MS;
/** A source whose last scheduled attempt failed is tried again after this long, not every minute. */
const RETRY_MS = HOUR_MS;
/** Each fetch may take up to 30 s: a few sources a minute keeps a sweep well inside its job's time. */
const SOURCES_PER_SWEEP = 5;

/**
 * Takes a due source for this sweep: its row locked, no scheduled attempt within the retry time,
 * then an attempt row (`committing`, started by nobody) written. A concurrent or repeated sweep sees
 * that row (or the lock) and skips the source, so a source is fetched once per due period.
 */
async function claim(db: Db, sourceId: string, now: Date): Promise<string | null> {
  return db.transaction(async (tx) => {
    const [source] = await tx
      .select({ id: meetingSources.id })
      .from(meetingSources)
      .where(eq(meetingSources.id, sourceId))
      .for('update', { skipLocked: true });
    if (!source) return null;
    const [recent] = await tx
      .select({ id: meetingImports.id })
      .from(meetingImports)
      .where(
        and(
          eq(meetingImports.sourceId, sourceId),
          isNull(meetingImports.startedBy),
          gt(meetingImports.createdAt, new Date(now.getTime() - RETRY_MS)),
        ),
      );
    if (recent) return null;
    const [attempt] = await tx
      .insert(meetingImports)
      .values({ sourceId, status: 'committing', startedBy: null })
      .returning({ id: meetingImports.id });
    return attempt?.id ?? null;
  });
}

async function importOne(ctx: Pick<AppContext, 'db' | 'config'>, source: typeof meetingSources.$inferSelect, attemptId: string) {
  const { db } = ctx;
  const finish = (status: 'done' | 'failed', error: string | null) =>
    db.update(meetingImports).set({ status, error, finishedAt: sql`now()` }).where(eq(meetingImports.id, attemptId));
  let error: string;
  try {
    const text = await fetchFeed(source.url ?? '', { allowPrivateHosts: ctx.config.feedsFromPrivateHosts });
    const feed = normalizeForImport(text, source.defaultTimezone, source.fellowship);
    const result = isImportError(feed) ? feed : await commitNormalized({ db, sourceId: source.id, feed });
    if (!isImportError(result)) {
      await finish('done', null);
      return true;
    }
    error = result.error;
  } catch (caught) {
    error = caught instanceof FeedFetchError ? caught.message : 'The scheduled import failed because of an error on our side';
  }
  await finish('failed', error);
  await db.update(meetingSources).set({ lastError: error, updatedAt: sql`now()` }).where(eq(meetingSources.id, source.id));
  return false;
}

/**
 * The minute sweep of scheduled feeds: URL sources marked `scheduled` whose last import is a day old
 * (or never happened, or failed) are fetched and committed directly, without a preview. The report
 * lands on the source (`last_report`, or `last_error`); one source failing does not stop the others.
 */
export async function runMeetingFeedSweep({
  ctx,
  now = new Date(),
}: {
  ctx: Pick<AppContext, 'db' | 'config'>;
  now?: Date;
}): Promise<{ imported: number; failed: number }> {
  const { db } = ctx;
  const due = await db
    .select()
    .from(meetingSources)
    .where(
      and(
        eq(meetingSources.kind, 'url'),
        eq(meetingSources.scheduled, true),
        or(
          isNull(meetingSources.lastImportedAt),
          lt(meetingSources.lastImportedAt, new Date(now.getTime() - EVERY_MS)),
          isNotNull(meetingSources.lastError),
        ),
      ),
    )
    .orderBy(sql`${meetingSources.lastImportedAt} ASC NULLS FIRST`);
  let imported = 0;
  let failed = 0;
  for (const source of due) {
    if (imported + failed >= SOURCES_PER_SWEEP) break;
    const attemptId = await claim(db, source.id, now);
    if (!attemptId) continue;
    if (await importOne(ctx, source, attemptId)) imported += 1;
    else failed += 1;
  }
  return { imported, failed };
}
