import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';

// The counters live in the database (core table rate_counters), so several app processes count as
// one. Each hit is one INSERT … ON CONFLICT DO UPDATE: the row lock it takes makes concurrent hits
// on one key queue up, so no two requests read the same count.

type Window = { count: number; windowEndsAt: Date };

function windowOf(rows: { count: number; window_ends_at: Date | string }[]): Window | null {
  const row = rows[0];
  return row ? { count: Number(row.count), windowEndsAt: new Date(row.window_ends_at) } : null;
}

/** Counts one hit on `key` in its current window (a new window of `windowMs` once the last has ended). */
export async function countHit(db: Db, key: string, windowMs: number): Promise<Window> {
  const result = (await db.execute(sql`
    INSERT INTO rate_counters AS c (key, count, window_ends_at)
    VALUES (${key}, 1, now() + ${windowMs} * interval '1 millisecond')
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN c.window_ends_at <= now() THEN 1 ELSE c.count + 1 END,
      window_ends_at = CASE WHEN c.window_ends_at <= now() THEN excluded.window_ends_at ELSE c.window_ends_at END
    RETURNING count, window_ends_at`)) as unknown as { rows: { count: number; window_ends_at: Date | string }[] };
  const window = windowOf(result.rows);
  if (!window) throw new Error('rate counter upsert returned no row');
  return window;
}

/**
 * Takes one of `max` hits on `key` in its window before the work it guards, or refuses (returning
 * when the window ends) once they are used up. Taken first and given back after a success, so a
 * hundred requests at once cannot all get past a count read before any of them wrote it.
 */
export async function takeHit(
  db: Db,
  key: string,
  max: number,
  windowMs: number,
): Promise<{ taken: true } | { taken: false; retryAt: Date }> {
  const result = (await db.execute(sql`
    INSERT INTO rate_counters AS c (key, count, window_ends_at)
    VALUES (${key}, 1, now() + ${windowMs} * interval '1 millisecond')
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN c.window_ends_at <= now() THEN 1 ELSE c.count + 1 END,
      window_ends_at = CASE WHEN c.window_ends_at <= now() THEN excluded.window_ends_at ELSE c.window_ends_at END
    WHERE c.window_ends_at <= now() OR c.count < ${max}
    RETURNING count, window_ends_at`)) as unknown as { rows: { count: number; window_ends_at: Date | string }[] };
  if (result.rows.length > 0) return { taken: true };
  const current = (await db.execute(sql`SELECT count, window_ends_at FROM rate_counters WHERE key = ${key}`)) as unknown as {
    rows: { count: number; window_ends_at: Date | string }[];
  };
  return { taken: false, retryAt: windowOf(current.rows)?.windowEndsAt ?? new Date() };
}

/** Returns a hit taken with takeHit (the guarded attempt succeeded and should not count). */
export async function giveBackHit(db: Db, key: string): Promise<void> {
  await db.execute(sql`UPDATE rate_counters SET count = greatest(count - 1, 0) WHERE key = ${key}`);
}

/** Forgets every counter of the keys starting with `prefix` (a password reset clears the account's). */
export async function forgetCounters(db: Db, prefix: string): Promise<void> {
  await db.execute(sql`DELETE FROM rate_counters WHERE starts_with(key, ${prefix})`);
}

/** Deletes counters whose window ended over a day ago: nothing reads them again. */
export async function pruneCounters(db: Db): Promise<number> {
  const result = (await db.execute(
    sql`DELETE FROM rate_counters WHERE window_ends_at < now() - interval '1 day' RETURNING key`,
  )) as unknown as { rows: unknown[] };
  return result.rows.length;
}
