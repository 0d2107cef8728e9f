import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Config } from '../../config.ts';
import type { DatabaseHandle } from '../../db/client.ts';
import { meetingImports, meetingSources } from '../../db/schema/meeting-sources.ts';
import { meetings } from '../../db/schema/meetings.ts';
import { meetingGuideFeed } from '../../test/field-data.ts';
import { createTestDatabase } from '../../test/harness.ts';
import { runMeetingFeedSweep } from './meeting-sources.sweep.ts';

const KC = readFileSync(meetingGuideFeed('kc.test.json'), 'utf8');
const HOUR = 3_600_000;

let database: DatabaseHandle & { drop(): Promise<void> };
let server: Server;
let base = '';
let fetches = 0;
beforeAll(async () => {
  database = await createTestDatabase();
  server = createServer((request, response) => {
    fetches += 1;
    if (request.url === '/kc.json') response.writeHead(200, { 'content-type': 'application/json' }).end(KC);
    else response.writeHead(500).end('down');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await database.drop();
});
beforeEach(async () => {
  await database.db.delete(meetingSources);
  fetches = 0;
});

// The feed server is on loopback, which the installation must allow for these tests.
const ctx = () => ({ db: database.db, config: { feedsFromPrivateHosts: true } as Config });
async function source(name: string, url: string, scheduled = true) {
  const [row] = await database.db
    .insert(meetingSources)
    .values({ name, kind: 'url', url, defaultTimezone: 'America/Chicago', scheduled })
    .returning();
  if (!row) throw new Error('no source');
  return row.id;
}
const sourceRow = async (id: string) => (await database.db.select().from(meetingSources).where(eq(meetingSources.id, id)))[0];
const meetingsOf = async (id: string) => (await database.db.select({ n: count() }).from(meetings).where(eq(meetings.sourceId, id)))[0]?.n;

describe('the scheduled re-import of URL feeds', () => {
  it('imports due sources directly, once a day, and a broken one does not stop the others', async () => {
    const broken = await source('Broken feed', `${base}/broken.json`);
    const good = await source('Good feed', `${base}/kc.json`);
    const manual = await source('Manual feed', `${base}/kc.json`, false);
    const now = new Date();

    expect(await runMeetingFeedSweep({ ctx: ctx(), now })).toEqual({ imported: 1, failed: 1 });
    expect(await meetingsOf(good)).toBe(206);
    expect(await sourceRow(good)).toMatchObject({ lastError: null, lastReport: { total: 206, added: 206 } });
    expect((await sourceRow(broken))?.lastError).toBe('The feed answered HTTP 500');
    expect(await meetingsOf(broken)).toBe(0);
    expect(await meetingsOf(manual)).toBe(0); // not scheduled
    const attempts = await database.db.select().from(meetingImports);
    expect(attempts.map((a) => a.status).sort()).toEqual(['done', 'failed']);
    expect(attempts.every((a) => a.startedBy === null)).toBe(true);

    // The next minutes: nothing is due (the failed one waits an hour before trying again).
    fetches = 0;
    expect(await runMeetingFeedSweep({ ctx: ctx(), now: new Date(now.getTime() + 60_000) })).toEqual({ imported: 0, failed: 0 });
    expect(fetches).toBe(0);

    // Two hours on: only the failed one is tried again.
    expect(await runMeetingFeedSweep({ ctx: ctx(), now: new Date(now.getTime() + 2 * HOUR) })).toEqual({ imported: 0, failed: 1 });

    // A day on: the good one again, changing nothing.
    const before = (await sourceRow(good))?.lastImportedAt?.getTime() ?? 0;
    expect(await runMeetingFeedSweep({ ctx: ctx(), now: new Date(now.getTime() + 25 * HOUR) })).toEqual({ imported: 1, failed: 1 });
    expect(await meetingsOf(good)).toBe(206);
    expect(await sourceRow(good)).toMatchObject({ lastReport: { added: 0, changed: 0, removed: 0, unchanged: 206 } });
    expect((await sourceRow(good))?.lastImportedAt?.getTime()).toBeGreaterThanOrEqual(before);
  });

  it('is idempotent when two sweeps run at once: each source is fetched once', async () => {
    const good = await source('Good feed', `${base}/kc.json`);
    const results = await Promise.all([runMeetingFeedSweep({ ctx: ctx() }), runMeetingFeedSweep({ ctx: ctx() })]);
    expect(results.reduce((sum, r) => sum + r.imported + r.failed, 0)).toBe(1);
    expect(fetches).toBe(1);
    expect(await meetingsOf(good)).toBe(206);
  });

  it('refuses a feed on a private host unless the installation allows it, recording why', async () => {
    const good = await source('Good feed', `${base}/kc.json`);
    const strict = { db: database.db, config: { feedsFromPrivateHosts: false } as Config };
    expect(await runMeetingFeedSweep({ ctx: strict })).toEqual({ imported: 0, failed: 1 });
    expect((await sourceRow(good))?.lastError).toMatch(/private or local network; refused/);
    expect(fetches).toBe(0);
  });
});
