import { and, asc, count, eq, ilike, isNull, like, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  OWN_MEETINGS_PAGE_SIZE,
  type OwnMeeting,
  type OwnMeetingList,
  type ownMeetingInputSchema,
} from '../../../shared/contracts/own-meetings.ts';
import type { Db } from '../../db/client.ts';
import { meetings } from '../../db/schema/meetings.ts';
import { notFound } from '../../lib/app-error.ts';
import type { Actor } from '../../plugins/session.ts';
import { recordAudit } from '../audit/audit.public.ts';
import {
  contentHashOf,
  feedMeetingOf,
  forgetMeetingZones,
  insertOwnMeeting,
  lockOwnGroups,
  removeOwnMeeting,
  replaceOwnMeeting,
} from '../meetings/meetings.public.ts';
import { normalizeOwnMeeting, slugBase } from './own-meetings.normalize.ts';

type Input = z.output<typeof ownMeetingInputSchema>;
type MeetingRow = typeof meetings.$inferSelect;

const own = (id: string) => and(eq(meetings.id, id), isNull(meetings.sourceId));
const toOwnMeeting = (row: MeetingRow): OwnMeeting => ({ id: row.id, ...feedMeetingOf(row), updatedAt: row.updatedAt.toISOString() });
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Own groups by name, a page at a time; imported meetings belong to their source and are not listed. */
export async function listOwnMeetings({ db, q, page }: { db: Db; q?: string | undefined; page: number }): Promise<OwnMeetingList> {
  const search = q?.trim();
  const where = search ? and(isNull(meetings.sourceId), ilike(meetings.name, `%${escapeLike(search)}%`)) : isNull(meetings.sourceId);
  const [total] = await db.select({ n: count() }).from(meetings).where(where);
  const rows = await db
    .select()
    .from(meetings)
    .where(where)
    .orderBy(asc(sql`lower(${meetings.name})`), asc(meetings.id))
    .limit(OWN_MEETINGS_PAGE_SIZE)
    .offset((page - 1) * OWN_MEETINGS_PAGE_SIZE);
  return {
    items: rows.map((row) => {
      const { id, slug, name, fellowship, day, time, endTime, timezone, attendanceMode, types } = row;
      return { id, slug, name, fellowship, day, time, endTime, timezone, attendanceMode, types };
    }),
    total: total?.n ?? 0,
    page,
    pageSize: OWN_MEETINGS_PAGE_SIZE,
  };
}

export async function getOwnMeeting({ db, id }: { db: Db; id: string }): Promise<OwnMeeting> {
  const [row] = await db.select().from(meetings).where(own(id)).limit(1);
  if (!row) throw notFound('No such meeting');
  return toOwnMeeting(row);
}

/**
 * The name's slug, or "-2", "-3" … when another own group has it. Runs under the own groups' lock
 * (lockOwnGroups), the one an import into them takes, so it cannot collide with a slug an import
 * writes at the same moment.
 */
async function freeSlug(tx: Db, name: string): Promise<string> {
  const base = slugBase(name);
  const taken = await tx
    .select({ slug: meetings.slug })
    .from(meetings)
    .where(and(isNull(meetings.sourceId), or(eq(meetings.slug, base), like(meetings.slug, `${escapeLike(base)}-%`))));
  const used = new Set(taken.map((row) => row.slug));
  let slug = base;
  for (let n = 2; used.has(slug); n += 1) slug = `${base}-${n}`;
  return slug;
}

async function afterWrite(db: Db) {
  // The finder caches which zones hold meetings; a new zone should be found at once (as after an import).
  forgetMeetingZones(db);
}

export async function createOwnMeeting({ db, actor, input }: { db: Db; actor: Actor; input: Input }): Promise<OwnMeeting> {
  // Checked before taking the lock: bad input never waits on it.
  normalizeOwnMeeting(input, slugBase(input.name));
  const row = await db.transaction(async (tx) => {
    await lockOwnGroups(tx);
    const meeting = normalizeOwnMeeting(input, await freeSlug(tx, input.name));
    const inserted = await insertOwnMeeting(tx, meeting);
    await recordAudit(tx, { event: 'meeting.created', actorId: actor.userId, detail: { meetingId: inserted.id, slug: inserted.slug } });
    return inserted;
  });
  await afterWrite(db);
  return toOwnMeeting(row);
}

/** Replaces every field; the slug stays, so feed consumers keep following the same meeting. */
export async function updateOwnMeeting({ db, actor, id, input }: { db: Db; actor: Actor; id: string; input: Input }): Promise<OwnMeeting> {
  const row = await db.transaction(async (tx) => {
    await lockOwnGroups(tx);
    const [current] = await tx.select().from(meetings).where(own(id)).for('update');
    if (!current) throw notFound('No such meeting');
    const meeting = normalizeOwnMeeting(input, current.slug);
    // `updated` moves with every save; compare without it so a save that changes nothing stays quiet.
    const unchanged = contentHashOf({ ...meeting, updated: null }) === contentHashOf({ ...feedMeetingOf(current), updated: null });
    if (unchanged) return current;
    const updated = await replaceOwnMeeting(tx, id, meeting);
    if (!updated) throw notFound('No such meeting');
    await recordAudit(tx, { event: 'meeting.updated', actorId: actor.userId, detail: { meetingId: id, slug: updated.slug } });
    return updated;
  });
  await afterWrite(db);
  return toOwnMeeting(row);
}

export async function deleteOwnMeeting({ db, actor, id }: { db: Db; actor: Actor; id: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const deleted = await removeOwnMeeting(tx, id);
    if (!deleted) throw notFound('No such meeting');
    await recordAudit(tx, { event: 'meeting.deleted', actorId: actor.userId, detail: { meetingId: deleted.id, slug: deleted.slug } });
  });
  await afterWrite(db);
}
