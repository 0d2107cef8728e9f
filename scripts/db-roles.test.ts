import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.ts';
import { openDatabase } from '../server/db/client.ts';
import { createAgent } from '../server/test/agent.ts';
import { createTestDatabase } from '../server/test/harness.ts';
import { applyAppRole } from './db-roles.ts';

const ROLE = 'kinship_app_test';
const serverUrl = process.env.DATABASE_URL;

// Privileges are a PostgreSQL feature; the PGlite run relies on the trigger (append-only.test.ts).
describe.skipIf(!serverUrl)('the production app role on PostgreSQL', () => {
  let owner: Awaited<ReturnType<typeof createTestDatabase>>;
  let appUrl: string;

  beforeAll(async () => {
    owner = await createTestDatabase();
    const pool = owner.pool;
    if (!pool) throw new Error('expected PostgreSQL');
    const databaseName = (await pool.query('SELECT current_database() AS name')).rows[0].name as string;
    const client = new pg.Client({ connectionString: new URL(`/${databaseName}`, serverUrl).toString() });
    await client.connect();
    try {
      await applyAppRole(client, ROLE, null);
    } finally {
      await client.end();
    }
    const url = new URL(`/${databaseName}`, serverUrl);
    url.username = ROLE;
    appUrl = url.toString();
  });
  afterAll(async () => owner?.drop());

  it('runs the application: setup, sign-in and grant-based reads all work as the app role', async () => {
    const database = await openDatabase({ databaseUrl: appUrl, poolMax: 2 });
    const app = await buildApp({ database, logger: false, config: { publicUrl: 'http://localhost:3000' } });
    try {
      const admin = createAgent(app);
      const setup = await admin.post('/api/setup', {
        organization: { name: 'Role Test', timezone: 'UTC', crisisLines: [] },
        admin: { email: 'admin@example.org', password: 'correct horse battery staple', alias: 'Admin' },
      });
      expect(setup.status).toBe(201);
      expect((await admin.get('/api/admin/audit')).body.events.length).toBeGreaterThan(0);
    } finally {
      await app.close();
      await database.close();
    }
  });

  it('cannot update, delete or truncate the access log and audit log, by privilege (not only the trigger)', async () => {
    const database = await openDatabase({ databaseUrl: appUrl, poolMax: 1 });
    try {
      const db = database.db;
      await db.execute(
        sql`INSERT INTO access_log (actor_id, subject_id, scope, purpose) VALUES (gen_random_uuid(), gen_random_uuid(), 'profile', 'test')`,
      );
      for (const statement of [
        sql`UPDATE access_log SET purpose = 'rewritten'`,
        sql`DELETE FROM access_log`,
        sql`TRUNCATE access_log`,
        sql`UPDATE audit_log SET event = 'rewritten'`,
        sql`DELETE FROM audit_log`,
        sql`TRUNCATE audit_log`,
      ]) {
        await expect(db.execute(statement)).rejects.toSatisfy((error: unknown) => {
          const cause = (error as { cause?: { message?: string } }).cause;
          return /permission denied for table (access_log|audit_log)/.test(cause?.message ?? String(error));
        });
      }
    } finally {
      await database.close();
    }
  });
});
