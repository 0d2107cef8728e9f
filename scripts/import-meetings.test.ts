import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../server/db/client.ts';
import { meetingSources } from '../server/db/schema/meeting-sources.ts';
import { meetings } from '../server/db/schema/meetings.ts';
import { meetingGuideFeed } from '../server/test/field-data.ts';
import { TEMPLATE_DATABASE } from '../server/test/harness.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const feed = (file: string) => meetingGuideFeed(file);

// PGlite in a temporary data directory; with DATABASE_URL (npm run test:pg), a throwaway database.
let dataDir: string;
let databaseUrl: string | null = null;
let dbName: string | null = null;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'kinship-import-'));
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    dbName = `kinship_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName} TEMPLATE ${TEMPLATE_DATABASE}`).finally(() => admin.end());
    const url = new URL(serverUrl);
    url.pathname = `/${dbName}`;
    databaseUrl = url.toString();
  }
});
afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  if (dbName && process.env.DATABASE_URL) {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).finally(() => admin.end());
  }
});

interface Run {
  code: number;
  json: Record<string, unknown>;
}
function run(...args: string[]): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, KINSHIP_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  return new Promise((resolve) => {
    execFile(process.execPath, ['scripts/import-meetings.ts', ...args], { cwd: ROOT, env }, (error, stdout, stderr) => {
      let json: Record<string, unknown>;
      try {
        json = JSON.parse(stdout);
      } catch {
        json = { unparsed: stdout, stderr };
      }
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, json });
    });
  });
}
async function meetingsOf(sourceName: string): Promise<number | null> {
  const database = await openDatabase({ databaseUrl, dataDir });
  try {
    const [source] = await database.db.select().from(meetingSources).where(eq(meetingSources.name, sourceName));
    if (!source) return null;
    return (await database.db.select({ n: count() }).from(meetings).where(eq(meetings.sourceId, source.id)))[0]?.n ?? 0;
  } finally {
    await database.close();
  }
}

// Each test spawns the importer (a Node process that opens the database) several times: on a busy machine that takes minutes.
describe('npm run import:meetings', { timeout: 180_000 }, () => {
  it('imports a real feed with the normalizer’s counts, and a second run changes nothing', async () => {
    const first = await run(feed('aasanjose.test.json'), '--timezone', 'America/Los_Angeles', '--source-name', 'San Jose');
    expect(first.code).toBe(0);
    expect(first.json).toMatchObject({
      dryRun: false,
      total: 693,
      accepted: 693,
      normalized: 417,
      rejected: [],
      added: 693,
      changed: 0,
      removed: 0,
      unchanged: 0,
    });
    const second = await run(feed('aasanjose.test.json'), '--timezone', 'America/Los_Angeles', '--source-name', 'San Jose');
    expect(second.code).toBe(0);
    expect(second.json).toMatchObject({ total: 693, accepted: 693, added: 0, changed: 0, removed: 0, unchanged: 693 });
    expect(second.json.source).toEqual(first.json.source);
    expect(await meetingsOf('San Jose')).toBe(693);
  });

  it('--dry-run previews and writes nothing', async () => {
    const dry = await run(feed('edmonton.json'), '--timezone', 'America/Edmonton', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.json).toMatchObject({ dryRun: true, source: { id: null, name: 'edmonton.json' }, total: 315, accepted: 315, added: 315 });
    expect(await meetingsOf('edmonton.json')).toBeNull(); // not even the source
    const again = await run(feed('aasanjose.test.json'), '--timezone', 'America/Los_Angeles', '--source-name', 'San Jose', '--dry-run');
    expect(again.json).toMatchObject({ dryRun: true, added: 0, changed: 0, removed: 0, unchanged: 693 });
  });

  it('imports from a URL into a url source', async () => {
    const server = createServer((request, response) => {
      if (request.url === '/feed.json') response.writeHead(200).end(readFileSync(feed('kc.test.json')));
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const imported = await run(`${base}/feed.json`, '--timezone', 'America/Chicago');
      expect(imported.code).toBe(0);
      expect(imported.json).toMatchObject({ source: { name: `${base}/feed.json` }, total: 206, accepted: 206, added: 206 });
      const gone = await run(`${base}/gone.json`, '--timezone', 'America/Chicago');
      expect(gone).toEqual({ code: 1, json: { error: 'The feed answered HTTP 404' } });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    expect(await meetingsOf(`${base}/feed.json`)).toBe(206);
    const database = await openDatabase({ databaseUrl, dataDir });
    try {
      const [source] = await database.db
        .select()
        .from(meetingSources)
        .where(eq(meetingSources.name, `${base}/feed.json`));
      expect(source).toMatchObject({ kind: 'url', url: `${base}/feed.json`, defaultTimezone: 'America/Chicago' });
    } finally {
      await database.close();
    }
  });

  it('exits non-zero with a clear message on bad input, writing nothing', async () => {
    const malformed = path.join(dataDir, 'broken.json');
    writeFileSync(malformed, '[{"slug": "a", "name": ');
    const broken = await run(malformed, '--timezone', 'UTC');
    expect(broken.code).toBe(1);
    expect(String(broken.json.error)).toMatch(/^The feed is not valid JSON/);
    const zone = await run(feed('kc.test.json'), '--timezone', 'Mars/Olympus_Mons');
    expect(zone).toEqual({ code: 1, json: { error: 'Unknown default timezone "Mars/Olympus_Mons"' } });
    const missing = await run(path.join(dataDir, 'nope.json'), '--timezone', 'UTC');
    expect(missing.code).toBe(1);
    expect(missing.json.error).toMatch(/^No such file: /);
    const usage = await run(feed('kc.test.json'));
    expect(usage.code).toBe(2);
    expect(await meetingsOf('broken.json')).toBeNull();
    expect(await meetingsOf('kc.test.json')).toBeNull();
  });
});
