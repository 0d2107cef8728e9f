import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { FeedMeeting } from '../../../shared/contracts/meetings-feed.ts';
import type { Db } from '../../db/client.ts';
import { meetings } from '../../db/schema/meetings.ts';
import { meetingColumns } from './meeting-rows.ts';
import { forgetMeetingZones } from './meetings.finder.ts';

/**
 * Every write into `meetings` (this feature owns the table). An import replaces a source's meetings in
 * one transaction (commitSourceMeetings, used by meeting-sources); the organization's own groups are
 * added, replaced and removed one at a time inside the caller's transaction (own-meetings, which
 * audits in it and calls forgetMeetingZones after the commit).
 */

type MeetingRow = typeof meetings.$inferSelect;

// Writes into the organization's own groups (no source row to lock) take this lock instead: an
// import into them, and the admin form choosing a free slug.
const OWN_GROUPS_LOCK = 4_871_230_202;

/** Holds the own groups' lock until the transaction ends. */
export async function lockOwnGroups(tx: Db): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${OWN_GROUPS_LOCK})`);
}

const bySource = (sourceId: string | null) => (sourceId === null ? isNull(meetings.sourceId) : eq(meetings.sourceId, sourceId));
const own = (id: string) => and(eq(meetings.id, id), isNull(meetings.sourceId));

/** The meetings a source holds now (null: the own groups), as a plan compares them: by slug and content hash. */
export function sourceMeetings(db: Db, sourceId: string | null): Promise<{ slug: string; name: string; contentHash: string }[]> {
  return db
    .select({ slug: meetings.slug, name: meetings.name, contentHash: meetings.contentHash })
    .from(meetings)
    .where(bySource(sourceId));
}

/** What a source's meetings become: new slugs, changed ones (by slug), slugs it no longer has. */
export interface MeetingChanges {
  inserts: readonly FeedMeeting[];
  updates: readonly FeedMeeting[];
  removeSlugs: readonly string[];
}

export interface CommitSourceMeetingsOptions<P extends MeetingChanges> {
  db: Db;
  /** The source whose meetings these are; null: the organization's own groups. */
  sourceId: string | null;
  /**
   * Runs first in the transaction (after the own groups' lock when sourceId is null): locks what the
   * caller depends on and works out the changes. An error it returns rolls back and is returned.
   */
  plan: (tx: Db) => Promise<P | { error: string }>;
  /** Runs last in the transaction, after the meetings are written (the caller's own records). */
  finish?: (tx: Db, plan: P) => Promise<void>;
}

// ~50 columns a row: well under PostgreSQL's 65,535 parameters a statement.
const INSERT_CHUNK = 250;
const DELETE_CHUNK = 1000;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const rollback = Symbol('rollback');

/**
 * Applies a plan to a source's meetings in one transaction: inserts the new ones, updates the changed
 * ones, deletes those it no longer has. An error anywhere writes nothing.
 */
export async function commitSourceMeetings<P extends MeetingChanges>(
  options: CommitSourceMeetingsOptions<P>,
): Promise<P | { error: string }> {
  const result = await commitInTransaction(options);
  // The finder caches which zones hold meetings: this process sees a new zone at once, others within a minute.
  if (!('error' in result)) forgetMeetingZones(options.db);
  return result;
}

async function commitInTransaction<P extends MeetingChanges>(options: CommitSourceMeetingsOptions<P>): Promise<P | { error: string }> {
  let refused: { error: string } | null = null;
  try {
    return await options.db.transaction(async (tx) => {
      const { sourceId } = options;
      // One import of a source at a time: the comparison and the writes see the same rows.
      if (sourceId === null) await lockOwnGroups(tx);
      const plan = await options.plan(tx);
      if ('error' in plan) {
        refused = plan;
        throw rollback;
      }
      for (const chunk of chunks(plan.inserts, INSERT_CHUNK)) {
        await tx.insert(meetings).values(chunk.map((meeting) => ({ ...meetingColumns(meeting), sourceId })));
      }
      for (const meeting of plan.updates) {
        await tx
          .update(meetings)
          .set({ ...meetingColumns(meeting), updatedAt: sql`now()` })
          .where(and(bySource(sourceId), eq(meetings.slug, meeting.slug)));
      }
      for (const chunk of chunks(plan.removeSlugs, DELETE_CHUNK)) {
        await tx.delete(meetings).where(and(bySource(sourceId), inArray(meetings.slug, chunk)));
      }
      if (options.finish) await options.finish(tx, plan);
      return plan;
    });
  } catch (error) {
    if (error === rollback && refused) return refused;
    throw error;
  }
}

/** Adds one of the organization's own groups (a meeting without a source). */
export async function insertOwnMeeting(tx: Db, meeting: FeedMeeting): Promise<MeetingRow> {
  const [inserted] = await tx
    .insert(meetings)
    .values({ ...meetingColumns(meeting), sourceId: null })
    .returning();
  if (!inserted) throw new Error('insert returned nothing');
  return inserted;
}

/** Replaces every field of an own group; undefined when there is no such own group. */
export async function replaceOwnMeeting(tx: Db, id: string, meeting: FeedMeeting): Promise<MeetingRow | undefined> {
  const [updated] = await tx
    .update(meetings)
    .set({ ...meetingColumns(meeting), updatedAt: sql`now()` })
    .where(own(id))
    .returning();
  return updated;
}

/** Removes an own group; undefined when there is no such own group. */
export async function removeOwnMeeting(tx: Db, id: string): Promise<{ id: string; slug: string } | undefined> {
  const [deleted] = await tx.delete(meetings).where(own(id)).returning({ id: meetings.id, slug: meetings.slug });
  return deleted;
}
