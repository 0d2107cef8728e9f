import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingImports, meetingSources } from '../../db/schema/meeting-sources.ts';
import { meetings } from '../../db/schema/meetings.ts';
import { type Person, setUpOrganization } from '../../test/factories.ts';
import { meetingGuideFeed } from '../../test/field-data.ts';
import { buildTestApp, type TestApp } from '../../test/harness.ts';
import { commitImport, isImportError, previewImport } from './meeting-sources.import.ts';
import { startImport } from './meeting-sources.service.ts';

const text = (file: string) => readFileSync(meetingGuideFeed(file), 'utf8');
const KC = JSON.parse(text('kc.test.json'));
const SAN_JOSE = JSON.parse(text('aasanjose.test.json'));

let t: TestApp;
let admin: Person;
let feedServer: Server;
let feedBase = '';
beforeAll(async () => {
  // The feed server is on loopback: this installation allows private hosts, as an operator might.
  t = await buildTestApp({ config: { feedsFromPrivateHosts: true } });
  admin = await setUpOrganization(t);
  feedServer = createServer((request, response) => {
    if (request.url === '/kc.json') response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(KC));
    else if (request.url === '/page.html') response.writeHead(200, { 'content-type': 'text/html' }).end('<html>hello</html>');
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => feedServer.listen(0, '127.0.0.1', resolve));
  feedBase = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}`;
});
afterAll(async () => {
  feedServer?.closeAllConnections();
  if (feedServer) await new Promise((resolve) => feedServer.close(resolve));
  await t?.close();
});

let named = 0;
async function newSource(body: Record<string, unknown> = {}) {
  const reply = await admin.agent.post('/api/admin/meeting-sources', {
    kind: 'file',
    name: `Source ${++named}`,
    defaultTimezone: 'America/Chicago',
    ...body,
  });
  expect(reply.status).toBe(201);
  return reply.body.id as string;
}
async function settled(id: string) {
  for (let i = 0; i < 400; i++) {
    const reply = await admin.agent.get(`/api/admin/meeting-imports/${id}`);
    if (reply.body.status !== 'checking') return reply.body;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the import never finished checking');
}
async function upload(sourceId: string, feed: unknown) {
  const started = await admin.agent.post(`/api/admin/meeting-sources/${sourceId}/imports`, feed);
  expect(started.status).toBe(202);
  expect(started.body).toMatchObject({ status: 'checking', preview: null });
  return settled(started.body.id);
}
const meetingCount = async (sourceId: string) =>
  (await t.database.db.select({ n: count() }).from(meetings).where(eq(meetings.sourceId, sourceId)))[0]?.n;
const importCount = async () => (await t.database.db.select({ n: count() }).from(meetingImports))[0]?.n;
async function rawPost(url: string, payload: string | Buffer) {
  return admin.agent.raw({
    method: 'POST',
    url,
    payload,
    headers: { 'content-type': 'application/json', 'x-csrf-token': await admin.agent.csrfToken() },
  });
}

describe('an uploaded feed: preview, then commit', () => {
  it('previews every add with counts and rejections, writes nothing until committed, then writes exactly that', async () => {
    const sourceId = await newSource({ defaultTimezone: 'America/Los_Angeles', fellowship: 'AA' });
    const ready = await upload(sourceId, SAN_JOSE);
    expect(ready.status).toBe('ready');
    // Compared in steps of 500: the page saw the progress move to the end.
    expect({ done: ready.progressDone, total: ready.progressTotal }).toEqual({ done: 693, total: 693 });
    const expected = await previewImport({ db: t.database.db, sourceId, raw: SAN_JOSE, defaultTimezone: 'America/Los_Angeles' });
    expect(ready.preview).toEqual(expected);
    expect(ready.preview).toMatchObject({ total: 693, accepted: 693, unchanged: 0, rejected: [] });
    expect(await meetingCount(sourceId)).toBe(0);
    const listed = await admin.agent.get('/api/admin/meeting-sources');
    expect(listed.body.find((s: { id: string }) => s.id === sourceId).pendingImportId).toBe(ready.id);

    const committed = await admin.agent.post(`/api/admin/meeting-imports/${ready.id}/commit`);
    expect(committed.status).toBe(200);
    expect(committed.body).toMatchObject({ status: 'done', preview: ready.preview });
    expect(await meetingCount(sourceId)).toBe(693);
    const [fellowships] = await t.database.db
      .selectDistinct({ f: meetings.fellowship })
      .from(meetings)
      .where(eq(meetings.sourceId, sourceId));
    expect(fellowships?.f).toBe('AA');
    const [source] = await t.database.db.select().from(meetingSources).where(eq(meetingSources.id, sourceId));
    expect(source?.lastReport).toMatchObject({ total: 693, accepted: 693, added: 693, changed: 0, removed: 0 });

    // Committing twice writes once.
    expect((await admin.agent.post(`/api/admin/meeting-imports/${ready.id}/commit`)).status).toBe(409);

    // The same file again: nothing to add, change or remove, and the commit is allowed (no other import came between).
    const again = await upload(sourceId, SAN_JOSE);
    expect(again.preview).toMatchObject({ add: [], change: [], remove: [], unchanged: 693 });
    expect((await admin.agent.post(`/api/admin/meeting-imports/${again.id}/commit`)).status).toBe(200);
    expect(await meetingCount(sourceId)).toBe(693);
  });

  it('counts real repairs only, lists each kind, and keeps doubtful meetings with a warning', async () => {
    const sourceId = await newSource({ defaultTimezone: 'America/Chicago' });
    const base = { name: 'Serenity', day: 5, time: '19:00', city: 'Kansas City' };
    const ready = await upload(sourceId, [
      { ...base, slug: 'plain' }, // no timezone, no end time: notes, not repairs
      { ...base, slug: 'evening', time: '7:00 PM' },
      { ...base, slug: 'open', types: '[open]' },
      { ...base, slug: 'eastern', timezone: 'EST' },
      { ...base, slug: 'plain', name: 'Copy' },
      { ...base, slug: 'phone', types: ['ONL'], conference_phone: 'ask at the door' },
      { ...base, slug: 'noon', time: '12:30', end_time: '01:30' },
    ]);
    expect(ready.status).toBe('ready');
    const { preview } = ready;
    expect(preview).toMatchObject({ total: 7, accepted: 7, rejected: [], normalized: 3 });
    expect(preview.fixes).toMatchObject({
      time_12h: 1,
      types_from_string: 1,
      type_code_from_name: 1,
      timezone_abbreviation: 1,
      slug_duplicate_renamed: 1,
      online_without_valid_link: 1,
      length_implausible: 1,
      conference_phone_invalid_dropped: 1,
    });
    expect(preview.warnings).toEqual([
      { slug: 'eastern', name: 'Serenity', codes: ['timezone_abbreviation'] },
      { slug: 'plain-2', name: 'Copy', codes: ['slug_duplicate_renamed'] },
      { slug: 'phone', name: 'Serenity', codes: ['online_without_valid_link'] },
      { slug: 'noon', name: 'Serenity', codes: ['length_implausible'] },
    ]);
    expect(preview.add.map((entry: { slug: string }) => entry.slug)).toContain('plain-2');
  });

  it('lists changes and removals, and refuses to commit a preview the source has moved past (409)', async () => {
    const sourceId = await newSource();
    const first = await upload(sourceId, KC);
    await admin.agent.post(`/api/admin/meeting-imports/${first.id}/commit`);
    const edited = KC.slice(1).map((record: Record<string, unknown>, i: number) =>
      i === 0 ? { ...record, name: 'Renamed meeting' } : record,
    );
    const preview = await upload(sourceId, edited);
    expect(preview.preview.remove).toEqual([{ slug: String(KC[0].slug), name: expect.any(String) }]);
    expect(preview.preview.change).toEqual([{ slug: String(KC[1].slug), name: 'Renamed meeting' }]);
    // Someone imports from the command line meanwhile.
    const other = await commitImport({ db: t.database.db, sourceId, raw: KC.slice(5), defaultTimezone: 'America/Chicago' });
    expect(isImportError(other)).toBe(false);
    const before = await meetingCount(sourceId);
    const refused = await admin.agent.post(`/api/admin/meeting-imports/${preview.id}/commit`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/preview again/);
    expect(await meetingCount(sourceId)).toBe(before);
    expect((await admin.agent.get(`/api/admin/meeting-imports/${preview.id}`)).body.status).toBe('discarded');
  });

  it('keeps one pending import per source: a new one discards the older preview; discard writes nothing', async () => {
    const sourceId = await newSource();
    const older = await upload(sourceId, KC);
    const newer = await upload(sourceId, KC);
    expect((await admin.agent.get(`/api/admin/meeting-imports/${older.id}`)).body.status).toBe('discarded');
    expect((await admin.agent.post(`/api/admin/meeting-imports/${older.id}/commit`)).status).toBe(409);
    const discarded = await admin.agent.post(`/api/admin/meeting-imports/${newer.id}/discard`);
    expect(discarded.body.status).toBe('discarded');
    expect((await admin.agent.post(`/api/admin/meeting-imports/${newer.id}/commit`)).status).toBe(409);
    expect(await meetingCount(sourceId)).toBe(0);
  });
});

describe('feeds that cannot be imported', () => {
  it('fails an import whose body is not an array of meetings, with the reason, writing nothing', async () => {
    const sourceId = await newSource();
    for (const body of [JSON.stringify({ meetings: KC }), '"just text"', '42']) {
      const started = await rawPost(`/api/admin/meeting-sources/${sourceId}/imports`, body);
      expect(started.statusCode).toBe(202);
      const failed = await settled(started.json().id);
      expect(failed).toMatchObject({ status: 'failed', error: 'The feed is not a JSON array of meetings', preview: null });
    }
    expect(await meetingCount(sourceId)).toBe(0);
  });

  it('refuses a 50 MB upload (413) and malformed JSON (400) with clear JSON errors, creating no import', async () => {
    const sourceId = await newSource();
    const before = await importCount();
    const huge = await rawPost(`/api/admin/meeting-sources/${sourceId}/imports`, Buffer.alloc(50 * 1024 * 1024, 0x20));
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large' });
    const broken = await rawPost(`/api/admin/meeting-sources/${sourceId}/imports`, '[{"slug": "a", ');
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error).toEqual({ code: 'BAD_REQUEST', message: 'The body is not valid JSON' });
    expect(await importCount()).toBe(before);
  });

  it('a file source needs the file', async () => {
    const sourceId = await newSource();
    const reply = await admin.agent.raw({
      method: 'POST',
      url: `/api/admin/meeting-sources/${sourceId}/imports`,
      headers: { 'x-csrf-token': await admin.agent.csrfToken() },
    });
    expect(reply.statusCode).toBe(400);
  });
});

describe('a URL source', () => {
  it('fetches the feed and previews it', async () => {
    const sourceId = await newSource({ kind: 'url', url: `${feedBase}/kc.json` });
    const ready = await upload(sourceId, {});
    expect(ready).toMatchObject({ status: 'ready', preview: { total: 206, accepted: 206 } });
  });

  it('fails clearly when the URL is not a feed', async () => {
    const missing = await upload(await newSource({ kind: 'url', url: `${feedBase}/gone.json` }), {});
    expect(missing).toMatchObject({ status: 'failed', error: 'The feed answered HTTP 404' });
    const page = await upload(await newSource({ kind: 'url', url: `${feedBase}/page.html` }), {});
    expect(page.status).toBe('failed');
    expect(page.error).toMatch(/^The feed is not valid JSON/);
  });

  it('is refused on a private host when the installation does not allow them', async () => {
    const sourceId = await newSource({ kind: 'url', url: `${feedBase}/kc.json` });
    const started = await startImport({ db: t.database.db, allowPrivateHosts: false }, { sourceId, actorId: admin.id, upload: {} });
    const failed = await settled(started.id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/^The feed's host 127\.0\.0\.1 is on a private or local network; refused/);
    expect(await meetingCount(sourceId)).toBe(0);
  });
});
