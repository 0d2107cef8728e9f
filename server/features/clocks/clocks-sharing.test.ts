import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessLog } from '../../db/schema/consent.ts';
import { createAgent } from '../../test/agent.ts';
import { buildPerson, type Person, setUpOrganization } from '../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../test/harness.ts';

/** GET /api/people/:id/clocks: the `clock` scope, through authorizeRecordRead, every read by another logged. */

let t: TestApp;
let admin: Person;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await setUpOrganization(t);
});
afterAll(async () => t.close());

const NOT_FOUND = { error: { code: 'NOT_FOUND', message: 'Not found' } };
const REASON = 'Member asked for help at the front desk and is not answering';
const ago = (days: number) => DateTime.now().setZone('America/Chicago').minus({ days }).toISO() as string;

async function grant(from: Person, to: Person, scopes: string[], purpose: string) {
  const response = await from.agent.post('/api/me/grants', { granteeId: to.id, scopes, purpose });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { id: string };
}

async function logRows(subject: Person) {
  return t.database.db.select().from(accessLog).where(eq(accessLog.subjectId, subject.id)).orderBy(accessLog.id);
}

describe('GET /api/people/:id/clocks — the permission matrix', () => {
  let subject: Person;
  let grantee: Person;
  let profileOnly: Person;
  let revoked: Person;
  let stranger: Person;
  let supervisor: Person;
  let breakGlassSupervisor: Person;
  let revokedGrantId: string;
  const url = () => `/api/people/${subject.id}/clocks`;

  beforeAll(async () => {
    subject = await buildPerson(t, { alias: 'Subject Sam' });
    grantee = await buildPerson(t, { alias: 'Coach Cal', roles: ['coach'] });
    profileOnly = await buildPerson(t, { alias: 'Profile Pat' });
    revoked = await buildPerson(t, { alias: 'Revoked Ray' });
    stranger = await buildPerson(t, { alias: 'Stranger Stan' });
    supervisor = await buildPerson(t, { alias: 'Supervisor Sia', roles: ['supervisor'] });
    breakGlassSupervisor = await buildPerson(t, { alias: 'Supervisor Bea', roles: ['supervisor'] });

    const alcohol = await subject.agent.post('/api/me/clocks', { label: 'Alcohol', kind: 'abstinence', startedAt: ago(100) });
    await subject.agent.post(`/api/me/clocks/${alcohol.body.id}/reset`, { restartedAt: ago(40) });
    await subject.agent.post('/api/me/clocks', { label: 'My recovery', kind: 'recovery', startedAt: ago(400) });
    const archived = await subject.agent.post('/api/me/clocks', { label: 'Archived', kind: 'abstinence', startedAt: ago(5) });
    await subject.agent.delete(`/api/me/clocks/${archived.body.id}`);
    await subject.agent.put('/api/me/reasons', { reasons: ['My son Leo'] });

    await grant(subject, grantee, ['clock', 'profile'], 'Weekly coaching');
    await grant(subject, profileOnly, ['profile', 'checkins.summary'], 'Friend');
    revokedGrantId = (await grant(subject, revoked, ['clock'], 'Sponsor')).id;
  });

  it('owner: 200 through the same route, and not logged', async () => {
    const response = await subject.agent.get(url());
    expect(response.status).toBe(200);
    expect(response.body.access).toEqual({ via: 'self', until: null });
    expect(response.body.clocks).toHaveLength(2);
    expect(await logRows(subject)).toHaveLength(0);
  });

  it('grantee with the clock scope: 200 with counts and milestones but not the dates of earlier runs; logged', async () => {
    const response = await grantee.agent.get(url());
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body.person).toEqual({ id: subject.id, alias: 'Subject Sam' });
    expect(response.body.access).toEqual({ via: 'grant', until: null });
    expect(response.body.clocks.map((c: { label: string }) => c.label)).toEqual(['Alcohol', 'My recovery']);
    const [alcohol] = response.body.clocks;
    expect(alcohol).toMatchObject({ currentDays: 40, totalDays: 100, longestRunDays: 60, timezone: 'America/Chicago' });
    expect(alcohol.nextMilestone.key).toBe('60_days');
    expect(alcohol).not.toHaveProperty('pastRuns');
    expect(JSON.stringify(response.body)).not.toContain('My son Leo');

    const rows = await logRows(subject);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: grantee.id, scope: 'clock', purpose: 'Weekly coaching', breakGlass: false });
    const seen = await subject.agent.get('/api/me/access-log');
    expect(seen.body.entries[0]).toMatchObject({ actor: { id: grantee.id, alias: 'Coach Cal' }, scope: 'clock' });
  });

  it('grantee without the clock scope: 404', async () => {
    const response = await profileOnly.agent.get(url());
    expect(response.status).toBe(404);
    expect(response.body).toEqual(NOT_FOUND);
  });

  it('revoked grantee: 200 before, 404 on the very next request', async () => {
    expect((await revoked.agent.get(url())).status).toBe(200);
    expect((await subject.agent.post(`/api/me/grants/${revokedGrantId}/revoke`)).status).toBe(200);
    expect((await revoked.agent.get(url())).body).toEqual(NOT_FOUND);
  });

  it('another person: 404, identical to a person that does not exist', async () => {
    const existing = await stranger.agent.get(url());
    const missing = await stranger.agent.get(`/api/people/${randomUUID()}/clocks`);
    expect(existing.status).toBe(404);
    expect(existing.body).toEqual(missing.body);
  });

  it('staff without break-glass: 404 (an admin too)', async () => {
    expect((await supervisor.agent.get(url())).body).toEqual(NOT_FOUND);
    expect((await admin.agent.get(url())).status).toBe(404);
  });

  it('supervisor with break-glass: 200, flagged in the access log with the written reason', async () => {
    const opened = await breakGlassSupervisor.agent.post('/api/break-glass', { subjectId: subject.id, reason: REASON });
    expect(opened.status).toBe(201);
    const response = await breakGlassSupervisor.agent.get(url());
    expect(response.status).toBe(200);
    expect(response.body.access).toEqual({ via: 'break_glass', until: opened.body.expiresAt });
    const last = (await logRows(subject)).at(-1);
    expect(last).toMatchObject({
      actorId: breakGlassSupervisor.id,
      scope: 'clock',
      breakGlass: true,
      breakGlassId: opened.body.id,
      purpose: `Break-glass: ${REASON}`,
    });
    // The window is for that one person only.
    expect((await breakGlassSupervisor.agent.get(`/api/people/${stranger.id}/clocks`)).status).toBe(404);
  });

  it('anonymous: 401', async () => {
    const response = await createAgent(t.app).get(url());
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('leaves exactly the permitted reads by others in the access log', async () => {
    const rows = await logRows(subject);
    expect(rows.map((r) => [r.actorId, r.scope, r.breakGlass])).toEqual([
      [grantee.id, 'clock', false],
      [revoked.id, 'clock', false],
      [breakGlassSupervisor.id, 'clock', true],
    ]);
    expect(await t.database.db.select().from(accessLog).where(eq(accessLog.subjectId, stranger.id))).toEqual([]);
  });
});

describe('GET /api/people/:id/clocks — a person with no clocks, or a disabled account', () => {
  it('a granted reader sees an empty list (and the read is still logged)', async () => {
    const subject = await buildPerson(t);
    const reader = await buildPerson(t);
    await grant(subject, reader, ['clock'], 'Ally');
    const response = await reader.agent.get(`/api/people/${subject.id}/clocks`);
    expect(response.status).toBe(200);
    expect(response.body.clocks).toEqual([]);
    expect(await logRows(subject)).toHaveLength(1);
  });

  it('a disabled account answers 404 even to a grantee', async () => {
    const subject = await buildPerson(t);
    const reader = await buildPerson(t);
    await grant(subject, reader, ['clock'], 'Ally');
    const disabled = await admin.agent.post(`/api/admin/people/${subject.id}/disable`);
    expect(disabled.status, JSON.stringify(disabled.body)).toBeLessThan(300);
    expect((await reader.agent.get(`/api/people/${subject.id}/clocks`)).body).toEqual(NOT_FOUND);
  });
});
