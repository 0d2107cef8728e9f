import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJobs } from './jobs.ts';
import { buildTestApp, type TestApp } from './test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t.close());

describe('background jobs', () => {
  it('buildApp starts none', async () => {
    // pg-boss creates its schema when it starts: none yet, whatever buildApp did.
    const result = await t.database.db.execute(sql`select schema_name from information_schema.schemata where schema_name = 'pgboss'`);
    expect((result as unknown as { rows: unknown[] }).rows).toEqual([]);
  });

  it('run a sweep from a pg-boss worker, then stop and leave the database open', async () => {
    let calls = 0;
    let called!: () => void;
    const ran = new Promise<void>((resolve) => {
      called = resolve;
    });
    const jobs = await startJobs({
      ctx: t.app.ctx,
      log: t.app.log,
      sweeps: [
        {
          queue: 'test-sweep',
          run: async ({ now }) => {
            expect(now).toBeInstanceOf(Date);
            calls += 1;
            called();
            return { created: 0 };
          },
        },
      ],
    });
    try {
      await jobs.runNow();
      await ran;
      expect(calls).toBeGreaterThanOrEqual(1);
    } finally {
      await jobs.stop();
    }
    expect(await t.database.ping()).toBe(true);
  }, 30_000);
});
