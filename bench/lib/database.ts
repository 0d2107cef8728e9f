import pg from 'pg';
import type { BenchContext } from './types.ts';

function databaseName(url: URL): string {
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unusual database name "${name}"; use lower-case letters, digits and _`);
  return name;
}

/** Pointing DATABASE_URL at a real database must not wipe it: the bench only drops names with "bench" in them. */
export function assertBenchDatabase(databaseUrl: string): string {
  const name = databaseName(new URL(databaseUrl));
  if (!name.includes('bench')) {
    throw new Error(`refusing to drop database "${name}"; the benchmark database name must contain "bench" (e.g. bench_kinship)`);
  }
  return name;
}

/** Drops and re-creates the bench database so every run starts from the same seed (through the server's `postgres` database). */
export async function resetDatabase(databaseUrl: string): Promise<void> {
  const name = assertBenchDatabase(databaseUrl);
  const url = new URL(databaseUrl);
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
