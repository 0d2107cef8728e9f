import { isDeepStrictEqual } from 'node:util';
import { and, desc, eq, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { recoveryPlanVersions, safetyPlanVersions } from '../../db/schema/plans.ts';
import { conflict } from '../../lib/app-error.ts';
import { isUniqueViolation } from '../../lib/db-errors.ts';

/**
 * Both plans are stored the same way: every save is a new row numbered one past the latest, so the
 * history is the table itself. Shared here so the recovery plan and the safety plan cannot drift apart.
 */
export type VersionTable = typeof recoveryPlanVersions | typeof safetyPlanVersions;

export interface StoredVersion<T> {
  version: number;
  createdAt: Date;
  content: T;
}

export async function latestVersion<T>(db: Db, table: VersionTable, userId: string): Promise<StoredVersion<T> | null> {
  const [row] = await db
    .select({ version: table.version, createdAt: table.createdAt, content: table.content })
    .from(table)
    .where(eq(table.userId, userId))
    .orderBy(desc(table.version))
    .limit(1);
  return row ? { version: row.version, createdAt: row.createdAt, content: row.content as T } : null;
}

export async function versionNumbered<T>(db: Db, table: VersionTable, userId: string, version: number): Promise<StoredVersion<T> | null> {
  const [row] = await db
    .select({ version: table.version, createdAt: table.createdAt, content: table.content })
    .from(table)
    .where(and(eq(table.userId, userId), eq(table.version, version)))
    .limit(1);
  return row ? { version: row.version, createdAt: row.createdAt, content: row.content as T } : null;
}

/** Newest first, `limit` of them below `before`, plus the one before the last (to say what it changed). */
export async function versionPage<T>(db: Db, table: VersionTable, userId: string, limit: number, before?: number) {
  const rows = await db
    .select({ version: table.version, createdAt: table.createdAt, content: table.content })
    .from(table)
    .where(and(eq(table.userId, userId), before === undefined ? undefined : lt(table.version, before)))
    .orderBy(desc(table.version))
    .limit(limit + 1);
  return rows.map((row) => ({ version: row.version, createdAt: row.createdAt, content: row.content as T }));
}

function staleVersion(latest: number) {
  return conflict(`This plan was changed elsewhere (now version ${latest}); reload it and make your change again`, [
    { path: 'body.baseVersion', message: `The latest version is ${latest}` },
  ]);
}

/**
 * Saves `content` as the version after `baseVersion`, refusing (409) when `baseVersion` is not the
 * latest. Two saves racing from the same base both compute the same number: the unique index lets one
 * win and the other gets the same 409, on PGlite and on PostgreSQL alike. Saving what is already the
 * latest content makes no new version.
 */
export async function saveVersion<T>(
  db: Db,
  table: VersionTable,
  userId: string,
  baseVersion: number,
  content: T,
): Promise<StoredVersion<T>> {
  const latest = await latestVersion<T>(db, table, userId);
  const latestNumber = latest?.version ?? 0;
  if (baseVersion !== latestNumber) throw staleVersion(latestNumber);
  // JSON round trip drops undefined keys, as jsonb storage does; key order does not matter to the comparison.
  const normalized = JSON.parse(JSON.stringify(content)) as T;
  if (latest && isDeepStrictEqual(latest.content, normalized)) return latest;
  try {
    const [row] = await db
      .insert(table)
      .values({ userId, version: latestNumber + 1, content: normalized as Record<string, unknown> })
      .returning({ version: table.version, createdAt: table.createdAt, content: table.content });
    if (!row) throw new Error('insert returned nothing');
    return { version: row.version, createdAt: row.createdAt, content: row.content as T };
  } catch (error) {
    if (isUniqueViolation(error)) {
      const now = await latestVersion<T>(db, table, userId);
      throw staleVersion(now?.version ?? latestNumber + 1);
    }
    throw error;
  }
}
