import { asc, eq, sql } from 'drizzle-orm';
import type { Reasons } from '../../../shared/contracts/reasons.ts';
import type { Db } from '../../db/client.ts';
import { reasons } from '../../db/schema/reasons.ts';
import type { Actor } from '../../plugins/session.ts';

/**
 * "My reasons" belong to the member alone: there is no scope for them and no read by anyone else.
 * The list is small and always written whole, so it is replaced rather than patched item by item.
 */

async function readReasons(db: Db, userId: string): Promise<Reasons> {
  const rows = await db
    .select({ text: reasons.text })
    .from(reasons)
    .where(eq(reasons.userId, userId))
    .orderBy(asc(reasons.position), asc(reasons.createdAt));
  return { reasons: rows.map((row) => row.text) };
}

export async function getOwnReasons({ db, actor }: { db: Db; actor: Actor }): Promise<Reasons> {
  return readReasons(db, actor.userId);
}

export async function replaceOwnReasons({ db, actor, list }: { db: Db; actor: Actor; list: string[] }): Promise<Reasons> {
  await db.transaction(async (tx) => {
    // Two saves at once from two devices must not interleave into the union of both lists: the last
    // one wins whole. A per-member advisory lock serializes them without touching other tables.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`reasons:${actor.userId}`}, 0))`);
    await tx.delete(reasons).where(eq(reasons.userId, actor.userId));
    if (list.length > 0) {
      await tx.insert(reasons).values(list.map((text, position) => ({ userId: actor.userId, text, position })));
    }
  });
  return readReasons(db, actor.userId);
}
