import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { buildApp } from '../app.ts';
import { type DatabaseHandle, openDatabase } from '../db/client.ts';
import type { FastifyZod } from '../http.ts';

export const TEMPLATE_DATABASE = 'kinship_test_template';

/** PGlite in memory by default; with DATABASE_URL, a throwaway copy of a migrated template database. */
export async function createTestDatabase(): Promise<DatabaseHandle & { drop(): Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const handle = await openDatabase({ dataDir: null });
    await handle.migrate();
    return { ...handle, drop: handle.close };
  }
  const name = `kinship_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), poolMax: 5 });
  return {
    ...handle,
    drop: async () => {
      await handle.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => dropper.end());
    },
  };
}

export interface TestApp {
  app: FastifyZod;
  database: DatabaseHandle;
  close(): Promise<void>;
}

export async function buildTestApp(
  options: { rateLimitMultiplier?: number; config?: Parameters<typeof buildApp>[0]['config']; clientDir?: string } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const app = await buildApp({
    database,
    logger: false,
    rateLimitMultiplier: options.rateLimitMultiplier ?? 1000,
    config: { publicUrl: 'http://localhost:3000', smtpUrl: null, production: false, ...options.config },
    clientDir: options.clientDir ?? null,
  });
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
