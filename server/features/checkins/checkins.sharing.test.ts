import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkins } from '../../db/schema/checkins.ts';
import { accessLog } from '../../db/schema/consent.ts';
import { addDays, todayIn } from '../../lib/dates.ts';
import { createAgent } from '../../test/agent.ts';
import { buildPerson, type Person, setUpOrganization } from '../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../test/harness.ts';

/** The permission matrix of both check-in scopes: who may read another person's check-ins, and the log it leaves. */

let t: TestApp;
let admin: Person;
let subject: Person;
let summaryReader: Person;
let detailReader: Person;
let bothReader: Person;
let revoked: Person;
let stranger: Person;
let supervisor: Person;
let breakGlassSupervisor: Person;
let revokedGrantId: string;

const NOT_FOUND = { error: { code: 'NOT_FOUND', message: 'Not found' } };
const REASON = 'Member missed three check-ins and wrote a crisis message';
const today = () => todayIn('America/Chicago');
const summaryUrl = (id = subject.id) => `/api/people/${id}/checkins/summary`;
const detailUrl = (id = subject.id, query = '') => `/api/people/${id}/checkins${query}`;

async function grant(to: Person, scopes: string[], purpose = 'Peer coaching') {
  const response = await subject.agent.post('/api/me/grants', { granteeId: to.id, scopes, purpose });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id as string;
}

async function logOf(person: Person) {
  return t.database.db.select().from(accessLog).where(eq(accessLog.subjectId, person.id));
}

beforeAll(async () => {
  t = await buildTestApp();
  admin = await setUpOrganization(t);
  subject = await buildPerson(t, { alias: 'Subject Sam' });
  summaryReader = await buildPerson(t, { alias: 'Summary Sid', roles: ['coach'] });
  detailReader = await buildPerson(t, { alias: 'Detail Dee' });
  bothReader = await buildPerson(t, { alias: 'Both Bea' });
  revoked = await buildPerson(t, { alias: 'Revoked Ray' });
  stranger = await buildPerson(t, { alias: 'Stranger Stu' });
  supervisor = await buildPerson(t, { alias: 'Supervisor Sue', roles: ['supervisor'] });
  breakGlassSupervisor = await buildPerson(t, { alias: 'Supervisor Bo', roles: ['supervisor'] });

  await grant(summaryReader, ['checkins.summary'], 'Weekly coaching');
  await grant(detailReader, ['checkins.detail'], 'Sponsor');
  await grant(bothReader, ['checkins.summary', 'checkins.detail', 'clock'], 'Family support');
  revokedGrantId = await grant(revoked, ['checkins.summary', 'checkins.detail']);

  // A streak of 4 ending today, an older day, and a private note.
  await t.database.db.insert(checkins).values(
    [0, 1, 2, 3, 10].map((back) => ({
      userId: subject.id,
      localDate: addDays(today(), -back),
      mood: 3,
      craving: back === 0 ? 8 : 2,
      used: 'no' as const,
      note: back === 0 ? 'A private note' : null,
    })),
  );
});
afterAll(async () => t.close());

describe('GET /api/people/:id/checkins/summary (scope checkins.summary)', () => {
  it('owner: 200 with only the three facts, not logged', async () => {
    const response = await subject.agent.get(summaryUrl());
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ checkedInToday: true, currentStreak: 4, lastCheckinDate: today(), meetingsLast7Days: 0 });
    expect(await logOf(subject)).toHaveLength(0);
  });

  it('grantee with the scope: 200 with nothing of the content, logged with the purpose', async () => {
    const response = await summaryReader.agent.get(summaryUrl());
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ checkedInToday: true, currentStreak: 4, lastCheckinDate: today(), meetingsLast7Days: 0 });
    expect(response.headers['cache-control']).toBe('no-store');
    const rows = (await logOf(subject)).filter((row) => row.actorId === summaryReader.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ scope: 'checkins.summary', purpose: 'Weekly coaching', breakGlass: false });
  });

  it('grantee with only checkins.detail: 404 (scopes are separate)', async () => {
    const response = await detailReader.agent.get(summaryUrl());
    expect(response.status).toBe(404);
    expect(response.body).toEqual(NOT_FOUND);
  });

  it('stranger and staff without break-glass: 404, identical to a person that does not exist', async () => {
    for (const reader of [stranger, supervisor, admin]) {
      const existing = await reader.agent.get(summaryUrl());
      const missing = await reader.agent.get(summaryUrl(randomUUID()));
      expect(existing.status).toBe(404);
      expect(existing.body).toEqual(missing.body);
    }
  });

  it('anonymous: 401', async () => {
    expect((await createAgent(t.app).get(summaryUrl())).status).toBe(401);
  });

  it('says “not today” and keeps yesterday’s streak for a member who has not checked in yet', async () => {
    const member = await buildPerson(t);
    await member.agent.post('/api/me/grants', { granteeId: summaryReader.id, scopes: ['checkins.summary'], purpose: 'Coaching' });
    await t.database.db
      .insert(checkins)
      .values([1, 2].map((back) => ({ userId: member.id, localDate: addDays(today(), -back), mood: 3, craving: 1, used: 'no' as const })));
    expect((await summaryReader.agent.get(summaryUrl(member.id))).body).toEqual({
      checkedInToday: false,
      currentStreak: 2,
      lastCheckinDate: addDays(today(), -1),
      meetingsLast7Days: 0,
    });
  });
});

describe('GET /api/people/:id/checkins (scope checkins.detail)', () => {
  it('grantee with the scope: the check-ins of the last days, newest first, logged', async () => {
    const response = await detailReader.agent.get(detailUrl(subject.id, '?days=7'));
    expect(response.status).toBe(200);
    expect(response.body.from).toBe(addDays(today(), -6));
    expect(response.body.items.map((c: { localDate: string }) => c.localDate)).toEqual([0, 1, 2, 3].map((b) => addDays(today(), -b)));
    expect(response.body.items[0]).toMatchObject({ craving: 8, note: 'A private note' });
    const thirty = await detailReader.agent.get(detailUrl());
    expect(thirty.body.items).toHaveLength(5);
    const rows = (await logOf(subject)).filter((row) => row.actorId === detailReader.id);
    // Two reads a moment apart through the same grant are one row (decision 006).
    expect(rows.map((row) => row.scope)).toEqual(['checkins.detail']);
    expect(rows[0]).toMatchObject({ purpose: 'Sponsor', breakGlass: false });
  });

  it('grantee with only checkins.summary: 404', async () => {
    expect((await summaryReader.agent.get(detailUrl())).status).toBe(404);
  });

  it('a grant with both scopes opens both routes', async () => {
    expect((await bothReader.agent.get(detailUrl())).status).toBe(200);
    expect((await bothReader.agent.get(summaryUrl())).status).toBe(200);
  });

  it('refuses a bad window with a 400 naming query.days', async () => {
    for (const query of ['?days=0', '?days=367', '?days=abc', '?from=2024-01-01']) {
      const response = await detailReader.agent.get(detailUrl(subject.id, query));
      expect(response.status, query).toBe(400);
      expect(response.body.error.fields[0].path).toMatch(/^query/);
    }
  });

  it('stranger, staff without break-glass and anonymous: 404 / 401', async () => {
    for (const reader of [stranger, supervisor]) {
      expect((await reader.agent.get(detailUrl())).body).toEqual(NOT_FOUND);
    }
    expect((await createAgent(t.app).get(detailUrl())).status).toBe(401);
  });
});

describe('revocation and break-glass', () => {
  it('revoked grantee: 200 before, 404 on both routes the very next request after', async () => {
    expect((await revoked.agent.get(summaryUrl())).status).toBe(200);
    expect((await revoked.agent.get(detailUrl())).status).toBe(200);
    expect((await subject.agent.post(`/api/me/grants/${revokedGrantId}/revoke`)).status).toBe(200);
    expect((await revoked.agent.get(summaryUrl())).body).toEqual(NOT_FOUND);
    expect((await revoked.agent.get(detailUrl())).body).toEqual(NOT_FOUND);
  });

  it('supervisor with break-glass: 200 on both, flagged in the access log with the reason', async () => {
    const opened = await breakGlassSupervisor.agent.post('/api/break-glass', { subjectId: subject.id, reason: REASON });
    expect(opened.status).toBe(201);
    expect((await breakGlassSupervisor.agent.get(summaryUrl())).status).toBe(200);
    expect((await breakGlassSupervisor.agent.get(detailUrl())).status).toBe(200);
    const rows = (await logOf(subject)).filter((row) => row.actorId === breakGlassSupervisor.id);
    expect(rows.map((row) => row.scope).sort()).toEqual(['checkins.detail', 'checkins.summary']);
    for (const row of rows)
      expect(row).toMatchObject({ breakGlass: true, purpose: `Break-glass: ${REASON}`, breakGlassId: opened.body.id });
    // The member sees it in "who saw my data".
    const seen = (await subject.agent.get('/api/me/access-log')).body.entries as { actor: { id: string }; breakGlass: boolean }[];
    expect(seen.filter((e) => e.actor.id === breakGlassSupervisor.id && e.breakGlass)).toHaveLength(2);
  });

  it('never logs refused reads', async () => {
    const actors = new Set((await logOf(subject)).map((row) => row.actorId));
    for (const id of [stranger.id, supervisor.id, admin.id]) expect(actors.has(id)).toBe(false);
  });

  it('a disabled person’s check-ins are 404 even to a grantee', async () => {
    const member = await buildPerson(t);
    await member.agent.post('/api/me/grants', { granteeId: summaryReader.id, scopes: ['checkins.summary'], purpose: 'Coaching' });
    expect((await summaryReader.agent.get(summaryUrl(member.id))).status).toBe(200);
    const disabled = await admin.agent.post(`/api/admin/people/${member.id}/disable`);
    expect(disabled.status, JSON.stringify(disabled.body)).toBeLessThan(300);
    expect((await summaryReader.agent.get(summaryUrl(member.id))).status).toBe(404);
  });
});
