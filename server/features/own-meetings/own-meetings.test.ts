import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESSIBILITY_TYPE_CODES, LANGUAGE_TYPE_CODES, OWN_MEETING_TYPE_CODES } from '../../../shared/contracts/own-meetings.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { meetingSources } from '../../db/schema/meeting-sources.ts';
import { meetings } from '../../db/schema/meetings.ts';
import { createAgent } from '../../test/agent.ts';
import { buildPerson, type Person, setUpOrganization } from '../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../test/harness.ts';
import { commitImport, isImportError } from '../meeting-sources/meeting-sources.public.ts';
import { LANGUAGE_BY_TYPE_CODE } from '../meetings/feed/type-codes.ts';

let t: TestApp;
let admin: Person;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await setUpOrganization(t);
});
afterAll(async () => t.close());

const hybrid = {
  name: 'Tuesday SMART Recovery',
  fellowship: 'SMART Recovery',
  day: 2,
  time: '18:30',
  endTime: '20:00',
  timezone: 'America/New_York',
  attendanceMode: 'hybrid',
  types: ['O', 'X', 'S'],
  location: 'Harbor Community Center',
  address: '12 Water St',
  city: 'Springfield',
  state: 'NY',
  postalCode: '10001',
  country: 'US',
  latitude: 40.7,
  longitude: -74,
  regions: ['Downtown'],
  conferenceUrl: 'https://zoom.us/j/987654321',
  conferenceUrlNotes: 'Passcode 4321',
  contacts: [{ name: 'Sam', email: 'sam@example.org', phone: '555-0100' }],
};

const byAppointment = {
  name: 'Peer support by appointment',
  fellowship: 'Recovery Dharma',
  timezone: 'America/Chicago',
  attendanceMode: 'online',
  types: ['ASL'],
  conferencePhone: '+1 (312) 555-0199',
};

function fieldsOf(status: number, response: { status: number; body: any }): string[] {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  return (response.body?.error?.fields ?? []).map((f: { path: string }) => f.path);
}

describe('own meetings: who may manage them', () => {
  it('admin only: coach, member, supervisor and anonymous get 404 on every route', async () => {
    const created = await admin.agent.post('/api/admin/meetings', { ...hybrid, name: 'Access check' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id;
    const others = [
      (await buildPerson(t, { roles: ['coach'] })).agent,
      (await buildPerson(t, { roles: ['member'] })).agent,
      (await buildPerson(t, { roles: ['supervisor'] })).agent,
    ];
    for (const agent of others) {
      expect((await agent.get('/api/admin/meetings')).status).toBe(404);
      expect((await agent.get(`/api/admin/meetings/${id}`)).status).toBe(404);
      expect((await agent.post('/api/admin/meetings', hybrid)).status).toBe(404);
      expect((await agent.put(`/api/admin/meetings/${id}`, hybrid)).status).toBe(404);
      expect((await agent.delete(`/api/admin/meetings/${id}`)).status).toBe(404);
    }
    const anonymous = createAgent(t.app);
    expect((await anonymous.get('/api/admin/meetings')).status).toBe(401);
    expect([401, 403]).toContain((await anonymous.post('/api/admin/meetings', hybrid)).status);
    const [row] = await t.database.db.select().from(meetings).where(eq(meetings.id, id));
    expect(row?.name).toBe('Access check');
  });
});

describe('own meetings: create, read, update, delete', () => {
  it('a hybrid meeting is stored normalized, listed, found by name, audited and removable', async () => {
    const created = await admin.agent.post('/api/admin/meetings', hybrid);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      slug: 'tuesday-smart-recovery',
      attendanceMode: 'hybrid',
      approximate: false,
      fellowship: 'SMART Recovery',
      types: ['O', 'S', 'X'],
      languages: ['es'],
      formattedAddress: '12 Water St, Springfield, NY 10001, US',
      contacts: [{ name: 'Sam', email: 'sam@example.org', phone: '555-0100' }],
    });
    const id = created.body.id;
    const list = await admin.agent.get('/api/admin/meetings?q=smart');
    expect(list.body.items.map((m: { id: string }) => m.id)).toContain(id);
    expect((await admin.agent.get('/api/admin/meetings?q=nothing-like-this')).body).toMatchObject({ items: [], total: 0 });
    // "%" and "_" are searched as text, not as patterns.
    expect((await admin.agent.get('/api/admin/meetings?q=%25')).body.total).toBe(0);

    const edited = await admin.agent.put(`/api/admin/meetings/${id}`, {
      ...hybrid,
      name: 'Tuesday SMART Recovery (new room)',
      types: ['O', 'XB'],
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({
      slug: 'tuesday-smart-recovery',
      name: 'Tuesday SMART Recovery (new room)',
      types: ['O', 'XB'],
      languages: [],
    });
    expect((await admin.agent.get(`/api/admin/meetings/${id}`)).body.name).toBe('Tuesday SMART Recovery (new room)');

    const events = await t.database.db.select().from(auditLog).where(like(auditLog.event, 'meeting.%'));
    const mine = events.filter((e) => (e.detail as { meetingId?: string }).meetingId === id).map((e) => e.event);
    expect(mine).toEqual(['meeting.created', 'meeting.updated']);

    expect((await admin.agent.delete(`/api/admin/meetings/${id}`)).body).toEqual({ ok: true });
    expect((await admin.agent.get(`/api/admin/meetings/${id}`)).status).toBe(404);
    expect((await admin.agent.delete(`/api/admin/meetings/${id}`)).status).toBe(404);
    const [deleted] = await t.database.db.select().from(auditLog).where(eq(auditLog.event, 'meeting.deleted'));
    expect(deleted?.actorId).toBe(admin.id);
  });

  it('by appointment: no day and no time; online by dial-in only; the phone is cleaned', async () => {
    const created = await admin.agent.post('/api/admin/meetings', byAppointment);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      day: null,
      time: null,
      endTime: null,
      attendanceMode: 'online',
      conferencePhone: '+13125550199',
      languages: ['ase'],
      approximate: true,
    });
  });

  it('temporarily closed: stored as inactive with the spec’s TC code', async () => {
    const created = await admin.agent.post('/api/admin/meetings', {
      name: 'Closed for repairs',
      timezone: 'America/New_York',
      attendanceMode: 'inactive',
      day: 3,
      time: '12:00',
      address: '1 Main St',
      city: 'Springfield',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ attendanceMode: 'inactive', types: ['TC'] });
  });

  it('slugs are unique among own groups: the same name gets -2, -3; renaming keeps the slug', async () => {
    const name = 'Slug Twins Café';
    const a = await admin.agent.post('/api/admin/meetings', { ...hybrid, name });
    const b = await admin.agent.post('/api/admin/meetings', { ...hybrid, name });
    const c = await admin.agent.post('/api/admin/meetings', { ...hybrid, name: 'slug twins cafe' });
    expect([a.body.slug, b.body.slug, c.body.slug]).toEqual(['slug-twins-cafe', 'slug-twins-cafe-2', 'slug-twins-cafe-3']);
    const renamed = await admin.agent.put(`/api/admin/meetings/${b.body.id}`, { ...hybrid, name: 'Another name' });
    expect(renamed.body.slug).toBe('slug-twins-cafe-2');
  });

  it('concurrent creates with one name all succeed with distinct slugs', async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () => admin.agent.post('/api/admin/meetings', { ...hybrid, name: 'Race Group' })),
    );
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(results.map((r) => r.body.slug)).size).toBe(5);
  });
});

describe('own meetings: hostile and wrong input', () => {
  it('markup is stripped the way the normalizer strips it; a name of markup only is a 400 on name', async () => {
    const cleaned = await admin.agent.post('/api/admin/meetings', {
      ...hybrid,
      name: '<b>Hope</b> <script>alert(1)</script>Group',
      notes: '<p>Bring a friend</p><p>Coffee&amp;tea</p>',
    });
    expect(cleaned.status, JSON.stringify(cleaned.body)).toBe(201);
    expect(cleaned.body.name).toBe('Hope Group');
    expect(cleaned.body.notes).toBe('Bring a friend\n\nCoffee&tea');
    const empty = await admin.agent.post('/api/admin/meetings', { ...hybrid, name: '<b></b>' });
    expect(fieldsOf(400, empty)).toEqual(['body.name']);
  });

  const cases: [string, Record<string, unknown>, string[]][] = [
    ['javascript: conference link', { conferenceUrl: 'javascript:alert(1)' }, ['body.conferenceUrl']],
    ['http conference link', { conferenceUrl: 'http://zoom.us/j/1' }, ['body.conferenceUrl']],
    ['javascript: website', { website: 'javascript:alert(1)' }, ['body.website']],
    ['unknown zone', { timezone: 'Mars/Olympus' }, ['body.timezone']],
    ['an offset is not a zone', { timezone: '+05:00' }, ['body.timezone']],
    ['unknown type code', { types: ['O', 'BOGUS'] }, ['body.types.1']],
    ['TC is set by the attendance mode', { types: ['TC'] }, ['body.types.0']],
    ['day out of range', { day: 7 }, ['body.day']],
    ['bad time', { time: '7pm' }, ['body.time']],
    ['day without time', { time: null }, ['body.time']],
    ['time without day', { day: null }, ['body.day']],
    ['end equals start', { endTime: '18:30' }, ['body.endTime']],
    ['latitude out of range', { latitude: 91 }, ['body.latitude']],
    ['half a coordinate', { longitude: null }, ['body.longitude']],
    ['bad email', { email: 'not-an-email' }, ['body.email']],
    ['bad contact email', { contacts: [{ name: 'A', email: 'nope' }] }, ['body.contacts.0.email']],
    ['hybrid without a link', { conferenceUrl: null }, ['body.conferenceUrl']],
    ['hybrid without an address', { address: null, city: null, state: null, postalCode: null, country: null }, ['body.address']],
    ['in person with a link', { attendanceMode: 'in_person' }, ['body.conferenceUrl']],
    ['unknown mode', { attendanceMode: 'virtual' }, ['body.attendanceMode']],
    ['unknown field', { slug: 'chosen' }, ['body']],
  ];
  for (const [title, change, paths] of cases) {
    it(`${title} → 400 on ${paths.join(', ')}; nothing written`, async () => {
      const before = (await t.database.db.select({ id: meetings.id }).from(meetings)).length;
      const response = await admin.agent.post('/api/admin/meetings', { ...hybrid, name: `Bad ${title}`, ...change });
      const got = fieldsOf(400, response);
      for (const path of paths)
        expect(
          got.some((p: string) => p === path || p.startsWith(`${path}.`)),
          JSON.stringify(response.body),
        ).toBe(true);
      expect((await t.database.db.select({ id: meetings.id }).from(meetings)).length).toBe(before);
    });
  }

  it('a zone in another case is canonicalized; a dial-in number is cut back before a spelled-out passcode', async () => {
    const created = await admin.agent.post('/api/admin/meetings', {
      ...byAppointment,
      name: 'Zone case',
      timezone: 'america/chicago',
      conferencePhone: '312-555-0199,,123# code',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.timezone).toBe('America/Chicago');
    // The letters come after the last pause, so the dial string stops before that pause.
    expect(created.body.conferencePhone).toBe('3125550199');
  });
});

describe('imported meetings belong to their source', () => {
  it('are not listed and are 404 for read, edit and delete here', async () => {
    const [source] = await t.database.db
      .insert(meetingSources)
      .values({ name: 'District 5 feed', kind: 'file', defaultTimezone: 'America/New_York' })
      .returning();
    if (!source) throw new Error('no source');
    const record = {
      slug: 'imported-one',
      name: 'Imported One',
      day: 1,
      time: '19:00',
      address: '5 Oak St',
      city: 'Springfield',
      approximate: 'no',
    };
    const result = await commitImport({ db: t.database.db, sourceId: source.id, raw: [record], defaultTimezone: 'America/New_York' });
    if (isImportError(result)) throw new Error(result.error);
    const [imported] = await t.database.db
      .select()
      .from(meetings)
      .where(and(eq(meetings.sourceId, source.id), eq(meetings.slug, 'imported-one')));
    if (!imported) throw new Error('not imported');
    expect((await admin.agent.get(`/api/admin/meetings/${imported.id}`)).status).toBe(404);
    expect((await admin.agent.put(`/api/admin/meetings/${imported.id}`, hybrid)).status).toBe(404);
    expect((await admin.agent.delete(`/api/admin/meetings/${imported.id}`)).status).toBe(404);
    expect((await admin.agent.get('/api/admin/meetings?q=Imported')).body.total).toBe(0);
    const [still] = await t.database.db.select().from(meetings).where(eq(meetings.id, imported.id));
    expect(still?.name).toBe('Imported One');
  });

  it('paging: 20 a page, in name order', async () => {
    for (let i = 0; i < 22; i += 1) {
      const response = await admin.agent.post('/api/admin/meetings', { ...byAppointment, name: `Paging ${String(i).padStart(2, '0')}` });
      expect(response.status).toBe(201);
    }
    const first = await admin.agent.get('/api/admin/meetings?q=Paging');
    expect(first.body).toMatchObject({ total: 22, page: 1, pageSize: 20 });
    expect(first.body.items[0].name).toBe('Paging 00');
    const second = await admin.agent.get('/api/admin/meetings?q=Paging&page=2');
    expect(second.body.items.map((m: { name: string }) => m.name)).toEqual(['Paging 20', 'Paging 21']);
    expect((await admin.agent.get('/api/admin/meetings?page=0')).status).toBe(400);
  });
});

describe('the form’s code groups', () => {
  it('name exactly the languages the normalizer knows, and only spec codes', () => {
    expect([...LANGUAGE_TYPE_CODES].sort()).toEqual(Object.keys(LANGUAGE_BY_TYPE_CODE).sort());
    for (const code of [...LANGUAGE_TYPE_CODES, ...ACCESSIBILITY_TYPE_CODES]) expect(OWN_MEETING_TYPE_CODES).toContain(code);
    expect(OWN_MEETING_TYPE_CODES).not.toContain('TC');
  });
});
