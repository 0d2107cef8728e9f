import pg from 'pg';
import type { BenchContext } from './types.ts';

function databaseName(url: URL): string {
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bench: unusual database name "${name}"; use lower-case letters, digits and _`);
  return name;
}

/**
 * Drops and re-creates the bench database so every run starts from the same seed. Connects to the
 * server's `postgres` database to do it. A name without "bench" in it is refused: pointing
 * DATABASE_URL at a real database must not wipe it.
 */
export async function resetDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = databaseName(url);
  if (!name.includes('bench')) {
    throw new Error(`bench: refusing to drop database "${name}"; the benchmark database name must contain "bench" (e.g. bench_kinship)`);
  }
  url.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
}

/** A small pool for seeding, closed when the scenario ends. */
export function seedPool(bench: BenchContext, databaseUrl: string, max = 4): pg.Pool {
  const pool = new pg.Pool({ connectionString: databaseUrl, max });
  pool.on('error', () => {});
  bench.defer(() => pool.end());
  return pool;
}
