import { readFileSync } from 'node:fs';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingImports } from '../../db/schema/meeting-sources.ts';
import { meetings } from '../../db/schema/meetings.ts';
import { createAgent } from '../../test/agent.ts';
import { buildPerson, type Person, setUpOrganization } from '../../test/factories.ts';
import { meetingGuideFeed } from '../../test/field-data.ts';
import { buildTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let admin: Person;
let member: Person;
let coach: Person;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await setUpOrganization(t);
  member = await buildPerson(t);
  coach = await buildPerson(t, { roles: ['coach'] });
});
afterAll(async () => t.close());

const feed = JSON.parse(readFileSync(meetingGuideFeed('kc.test.json'), 'utf8'));
let named = 0;
const fileSource = (overrides: Record<string, unknown> = {}) => ({
  kind: 'file',
  name: `Uploaded ${++named}`,
  defaultTimezone: 'America/Chicago',
  ...overrides,
});

async function settled(id: string) {
  for (let i = 0; i < 200; i++) {
    const reply = await admin.agent.get(`/api/admin/meeting-imports/${id}`);
    if (reply.body.status !== 'checking') return reply.body;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the import never finished checking');
}

describe('who may manage meeting sources', () => {
  it('is administrators only: members and coaches get 404, anonymous visitors 401', async () => {
    const created = await admin.agent.post('/api/admin/meeting-sources', fileSource());
    expect(created.status).toBe(201);
    const id = created.body.id;
    const started = await admin.agent.post(`/api/admin/meeting-sources/${id}/imports`, feed);
    expect(started.status).toBe(202);
    await settled(started.body.id);
    const anonymous = createAgent(t.app);
    for (const [agent, status] of [
      [member.agent, 404],
      [coach.agent, 404],
      [anonymous, 401],
    ] as const) {
      const replies = [
        await agent.get('/api/admin/meeting-sources'),
        await agent.post('/api/admin/meeting-sources', fileSource()),
        await agent.put(`/api/admin/meeting-sources/${id}`, fileSource()),
        await agent.post(`/api/admin/meeting-sources/${id}/imports`, feed),
        await agent.get(`/api/admin/meeting-imports/${started.body.id}`),
        await agent.post(`/api/admin/meeting-imports/${started.body.id}/commit`),
        await agent.post(`/api/admin/meeting-imports/${started.body.id}/discard`),
        await agent.delete(`/api/admin/meeting-sources/${id}`),
      ];
      expect(replies.map((reply) => reply.status)).toEqual(replies.map(() => status));
    }
    expect((await admin.agent.get(`/api/admin/meeting-imports/${started.body.id}`)).body.status).toBe('ready');
  });
});

describe('adding and editing sources', () => {
  it('adds URL and file sources and lists them with their counts', async () => {
    const url = await admin.agent.post('/api/admin/meeting-sources', {
      kind: 'url',
      name: 'Kansas City feed',
      url: 'https://feeds.example.org/meetings.json',
      defaultTimezone: 'america/chicago',
      fellowship: 'AA',
      scheduled: true,
    });
    expect(url.status).toBe(201);
    expect(url.body).toMatchObject({
      kind: 'url',
      defaultTimezone: 'America/Chicago',
      fellowship: 'AA',
      scheduled: true,
      meetingCount: 0,
      lastImportedAt: null,
      lastReport: null,
      lastError: null,
      pendingImportId: null,
    });
    const file = await admin.agent.post('/api/admin/meeting-sources', fileSource({ scheduled: undefined, fellowship: '' }));
    expect(file.body).toMatchObject({ kind: 'file', url: null, scheduled: false, fellowship: null });
    const list = await admin.agent.get('/api/admin/meeting-sources');
    expect(list.body.map((s: { name: string }) => s.name)).toEqual(expect.arrayContaining(['Kansas City feed', file.body.name]));
  });

  it('refuses zones that are not IANA names, URLs that are not http(s), a missing URL and a taken name', async () => {
    for (const zone of ['+05:00', 'EST', 'Mars/Olympus', '']) {
      const reply = await admin.agent.post('/api/admin/meeting-sources', fileSource({ defaultTimezone: zone }));
      expect(reply.status, zone).toBe(400);
      expect(reply.body.error.fields[0].path).toBe('body.defaultTimezone');
    }
    const base = { kind: 'url', name: 'Bad URL', defaultTimezone: 'UTC' };
    expect((await admin.agent.post('/api/admin/meeting-sources', { ...base, url: 'ftp://example.org/x.json' })).status).toBe(400);
    expect((await admin.agent.post('/api/admin/meeting-sources', { ...base, url: 'file:///etc/passwd' })).status).toBe(400);
    expect((await admin.agent.post('/api/admin/meeting-sources', base)).status).toBe(400);
    expect((await admin.agent.post('/api/admin/meeting-sources', fileSource({ url: 'https://example.org' }))).status).toBe(400);
    const taken = await admin.agent.post('/api/admin/meeting-sources', fileSource({ name: 'Kansas City feed' }));
    expect(taken.status).toBe(409);
    expect(taken.body.error.fields[0].path).toBe('body.name');
  });

  it('edits a source but never its kind; unknown ids are 404', async () => {
    const created = await admin.agent.post('/api/admin/meeting-sources', fileSource());
    const edited = await admin.agent.put(`/api/admin/meeting-sources/${created.body.id}`, {
      kind: 'file',
      name: 'Renamed upload',
      defaultTimezone: 'Europe/Madrid',
      fellowship: 'NA',
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ name: 'Renamed upload', defaultTimezone: 'Europe/Madrid', fellowship: 'NA' });
    const rekind = await admin.agent.put(`/api/admin/meeting-sources/${created.body.id}`, {
      kind: 'url',
      name: 'Renamed upload',
      url: 'https://example.org/feed.json',
      defaultTimezone: 'UTC',
    });
    expect(rekind.status).toBe(400);
    expect(rekind.body.error.fields[0].path).toBe('body.kind');
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await admin.agent.put(`/api/admin/meeting-sources/${unknown}`, fileSource())).status).toBe(404);
    expect((await admin.agent.delete(`/api/admin/meeting-sources/${unknown}`)).status).toBe(404);
    expect((await admin.agent.post(`/api/admin/meeting-sources/${unknown}/imports`, feed)).status).toBe(404);
  });

  it('deleting a source removes its meetings and imports', async () => {
    const created = await admin.agent.post('/api/admin/meeting-sources', fileSource());
    const id = created.body.id;
    const started = await admin.agent.post(`/api/admin/meeting-sources/${id}/imports`, feed);
    await settled(started.body.id);
    expect((await admin.agent.post(`/api/admin/meeting-imports/${started.body.id}/commit`)).status).toBe(200);
    const countOf = async () => (await t.database.db.select({ n: count() }).from(meetings).where(eq(meetings.sourceId, id)))[0]?.n;
    expect(await countOf()).toBe(206);
    expect((await admin.agent.delete(`/api/admin/meeting-sources/${id}`)).status).toBe(204);
    expect(await countOf()).toBe(0);
    expect(await t.database.db.select().from(meetingImports).where(eq(meetingImports.sourceId, id))).toEqual([]);
    expect((await admin.agent.get(`/api/admin/meeting-imports/${started.body.id}`)).status).toBe(404);
  });
});
