import type { Db } from '../db/client.ts';

const cache = new WeakMap<object, Map<string, unknown>>();

/**
 * A named prepared statement, built once per database handle. The hot reads (session lookup, own
 * profile, access log) run on every request: preparing them spares PostgreSQL re-planning and
 * Drizzle rebuilding the SQL text each time, which dominated their cost.
 * Behind PgBouncer in transaction mode this needs PgBouncer ≥ 1.21 with max_prepared_statements.
 */
export function prepared<T>(db: Db, name: string, build: (db: Db) => T): T {
  let byName = cache.get(db);
  if (!byName) {
    byName = new Map();
    cache.set(db, byName);
  }
  let statement = byName.get(name) as T | undefined;
  if (!statement) {
    statement = build(db);
    byName.set(name, statement);
  }
  return statement;
}
