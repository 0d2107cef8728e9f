import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentGrants } from '../../db/schema/consent.ts';
import { addDays, todayIn } from '../../lib/dates.ts';
import { buildPerson, type Person, setUpOrganization } from '../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../test/harness.ts';
import { accessLogOf, DAY, grant, NOT_FOUND, REASON } from './consent.fixtures.ts';

/** What the person view asks first: which parts of someone's record the viewer holds right now. */

let t: TestApp;
let admin: Person;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await setUpOrganization(t);
});
afterAll(async () => t.close());

const sharedWithMe = async (viewer: Person, subject: Person) => viewer.agent.get(`/api/people/${subject.id}/shared-with-me`);

describe('GET /api/people/:id/shared-with-me', () => {
  let subject: Person;
  let coach: Person;
  let stranger: Person;

  beforeAll(async () => {
    subject = await buildPerson(t, { alias: 'Sharing Sam' });
    coach = await buildPerson(t, { alias: 'Coach Cora', roles: ['coach'] });
    stranger = await buildPerson(t, { alias: 'Stranger Stan' });
    await grant(subject, coach, { scopes: ['clock', 'safety_plan'], purpose: 'Peer coaching with Coach Cora' });
    await grant(subject, coach, { scopes: ['checkins.detail'], purpose: 'Cravings this month' });
    await grant(subject, coach, { scopes: ['plan'], startsAt: new Date(Date.now() + 3 * DAY).toISOString() });
    await t.database.db.insert(consentGrants).values({
      grantorId: subject.id,
      granteeId: coach.id,
      scopes: ['assessments'],
      purpose: 'Old arrangement',
      startsAt: new Date(Date.now() - 30 * DAY),
      expiresAt: new Date(Date.now() - DAY),
    });
  });

  it('adds up the grants in force, and leaves out scheduled and expired ones', async () => {
    const response = await sharedWithMe(coach, subject);
    expect(response.status).toBe(200);
    expect(response.body.person).toEqual({ id: subject.id, alias: 'Sharing Sam' });
    expect(response.body.scopes).toEqual(['clock', 'checkins.detail', 'safety_plan']);
    expect(response.body.grants.map((g: { purpose: string }) => g.purpose).sort()).toEqual([
      'Cravings this month',
      'Peer coaching with Coach Cora',
    ]);
    expect(response.body.breakGlassUntil).toBeNull();
  });

  it('someone with no grant learns only that nothing is shared; no such person is a 404', async () => {
    const response = await sharedWithMe(stranger, subject);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ scopes: [], grants: [], breakGlassUntil: null });
    const missing = await stranger.agent.get('/api/people/00000000-0000-4000-8000-000000000000/shared-with-me');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual(NOT_FOUND);
  });

  it('is not itself a read of the record: the access log stays empty', async () => {
    await sharedWithMe(coach, subject);
    expect((await accessLogOf(subject)).entries).toHaveLength(0);
  });

  it('a revocation is in the next answer, and the record refuses on the next request', async () => {
    const member = await buildPerson(t, { alias: 'Revoking Rae' });
    const ally = await buildPerson(t, { alias: 'Ally Abe' });
    const given = await grant(member, ally, { scopes: ['safety_plan'] });
    expect((await ally.agent.get(`/api/people/${member.id}/safety-plan`)).status).toBe(200);
    expect((await member.agent.post(`/api/me/grants/${given.id}/revoke`)).status).toBe(200);
    expect((await sharedWithMe(ally, member)).body.scopes).toEqual([]);
    expect((await ally.agent.get(`/api/people/${member.id}/safety-plan`)).status).toBe(404);
  });

  it('break-glass shows every readable scope (not SOS alerts) until it closes', async () => {
    const supervisor = await buildPerson(t, { alias: 'Supervisor Sia', roles: ['supervisor'] });
    expect((await sharedWithMe(supervisor, subject)).body.scopes).toEqual([]);
    expect((await supervisor.agent.post('/api/break-glass', { subjectId: subject.id, reason: REASON })).status).toBe(201);
    const opened = await sharedWithMe(supervisor, subject);
    expect(opened.body.scopes).toEqual(['profile', 'clock', 'checkins.summary', 'checkins.detail', 'plan', 'safety_plan', 'assessments']);
    expect(Date.parse(opened.body.breakGlassUntil)).toBeGreaterThan(Date.now());
  });

  it('a disabled account shares nothing with anyone', async () => {
    const leaving = await buildPerson(t, { alias: 'Leaving Lou' });
    await grant(leaving, coach, { scopes: ['clock'] });
    expect((await sharedWithMe(coach, leaving)).body.scopes).toEqual(['clock']);
    expect((await admin.agent.post(`/api/admin/people/${leaving.id}/disable`)).status).toBe(200);
    expect((await sharedWithMe(coach, leaving)).status).toBe(404);
  });
});

describe('GET /api/people/:id/checkins/trends — the charts in the person view', () => {
  it('a `checkins.detail` grantee sees the person’s own trends in their zone, and the read is logged', async () => {
    const member = await buildPerson(t, { alias: 'Trending Tia' });
    const coach = await buildPerson(t, { alias: 'Coach Cal', roles: ['coach'] });
    const today = todayIn('America/Chicago');
    for (const [offset, craving] of [
      [0, 8],
      [1, 6],
      [3, 2],
    ] as const) {
      const day = addDays(today, -offset);
      const saved = await member.agent.put(`/api/me/checkins/${day}`, { mood: 3, craving, sleepHours: 6, used: 'no' });
      expect(saved.status, JSON.stringify(saved.body)).toBeLessThan(300);
    }
    const refused = await coach.agent.get(`/api/people/${member.id}/checkins/trends?days=7`);
    expect(refused.status).toBe(404);

    await grant(member, coach, { scopes: ['checkins.detail'], purpose: 'Peer coaching with Coach Cal' });
    const response = await coach.agent.get(`/api/people/${member.id}/checkins/trends?days=7`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ days: 7, to: today, daysCheckedIn: 3, currentStreak: 2 });
    const cravings = response.body.series.map((point: { craving: number | null }) => point.craving);
    expect(cravings.slice(-4)).toEqual([2, null, 6, 8]);
    expect(await member.agent.get('/api/me/trends?days=7').then((own) => own.body)).toEqual(response.body);

    const log = await accessLogOf(member);
    expect(log.entries).toHaveLength(1);
    expect(log.entries[0]).toMatchObject({ scope: 'checkins.detail', purpose: 'Peer coaching with Coach Cal', actor: { id: coach.id } });
  });

  it('a summary grant is not enough for the charts', async () => {
    const member = await buildPerson(t);
    const partner = await buildPerson(t);
    await grant(member, partner, { scopes: ['checkins.summary'] });
    expect((await partner.agent.get(`/api/people/${member.id}/checkins/summary`)).status).toBe(200);
    expect((await partner.agent.get(`/api/people/${member.id}/checkins/trends?days=30`)).status).toBe(404);
  });
});
