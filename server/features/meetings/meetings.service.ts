import { Readable } from 'node:stream';
import { and, asc, eq, gt, inArray, isNull } from 'drizzle-orm';
import { idSchema } from '../../../shared/contracts/common.ts';
import type { MeetingDetail } from '../../../shared/contracts/meetings.ts';
import type { FeedMeeting } from '../../../shared/contracts/meetings-feed.ts';
import type { Db } from '../../db/client.ts';
import { meetings } from '../../db/schema/meetings.ts';
import { notFound } from '../../lib/app-error.ts';
import { toMeetingGuide } from './feed/export.ts';

type MeetingRow = typeof meetings.$inferSelect;

/** A stored meeting as the normalized feed meeting it came from (the inverse of meetingColumns). */
export function feedMeetingOf(row: MeetingRow): FeedMeeting {
  const { id: _id, sourceId: _source, contentHash: _hash, feedJson: _json, createdAt: _c, updatedAt: _u, updated, ...rest } = row;
  return { ...rest, updated: updated === null ? null : updated.toISOString() };
}

/** A meeting by id, or 404 for any id that names none, whatever its shape (a mistyped link is not a bad request). */
export async function meetingRow(db: Db, id: string): Promise<MeetingRow> {
  if (!idSchema.safeParse(id).success) throw notFound('No such meeting');
  const [row] = await db.select().from(meetings).where(eq(meetings.id, id)).limit(1);
  if (!row) throw notFound('No such meeting');
  return row;
}

/** One meeting, every field. */
export async function getMeeting({ db, id }: { db: Db; id: string }): Promise<MeetingDetail> {
  const row = await meetingRow(db, id);
  return { id: row.id, ...feedMeetingOf(row) };
}

const EXPORT_BATCH = 5000;

/**
 * The organization's own groups (meetings without a source; imported directories belong to their
 * publishers) as a Meeting Guide feed: a JSON array of each meeting's stored record (`feed_json`),
 * read in batches by keyset (id), so 100,000 meetings never sit in memory as one string. A meeting
 * without a stored record (written before the column existed) is built from its columns.
 */
export function exportFeed({ db }: { db: Db }): Readable {
  async function* chunks() {
    let after: string | null = null;
    let first = true;
    yield '[';
    for (;;) {
      const rows: { id: string; feedJson: string | null }[] = await db
        .select({ id: meetings.id, feedJson: meetings.feedJson })
        .from(meetings)
        .where(after === null ? isNull(meetings.sourceId) : and(isNull(meetings.sourceId), gt(meetings.id, after)))
        .orderBy(asc(meetings.id))
        .limit(EXPORT_BATCH);
      if (rows.length === 0) break;
      const missing = rows.filter((row) => row.feedJson === null).map((row) => row.id);
      const built = new Map<string, string>();
      if (missing.length > 0) {
        for (const row of await db.select().from(meetings).where(inArray(meetings.id, missing))) {
          built.set(row.id, JSON.stringify(toMeetingGuide(feedMeetingOf(row))));
        }
      }
      const parts: string[] = [];
      for (const row of rows) {
        parts.push(`${first ? '' : ','}\n${row.feedJson ?? built.get(row.id)}`);
        first = false;
      }
      yield parts.join('');
      after = rows[rows.length - 1]?.id ?? null;
      if (rows.length < EXPORT_BATCH) break;
    }
    yield '\n]\n';
  }
  return Readable.from(chunks());
}
