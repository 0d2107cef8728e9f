import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent } from '../../test/agent.ts';
import { buildPerson, type Person, setUpOrganization } from '../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../test/harness.ts';
import { buildCoach, buildWaitingMember, NO_PREFERENCES, PROFILE, preferences } from './coaching.fixtures.ts';

/** Coach profiles and intake (a member asking for a coach), over HTTP on a real database. */

let t: TestApp;
let supervisor: Person;
beforeAll(async () => {
  t = await buildTestApp();
  await setUpOrganization(t);
  supervisor = await buildPerson(t, { roles: ['supervisor'], alias: 'Supervisor Sol' });
});
afterAll(async () => t.close());

describe('coach profile', () => {
  it('a coach creates, reads and updates their profile; the time zone defaults to their own', async () => {
    const coach = await buildPerson(t, { roles: ['coach'], alias: 'Coach Profile' });
    expect((await coach.agent.get('/api/coaching/profile')).body).toEqual({ profile: null, timezone: 'America/Chicago' });
    const saved = await coach.agent.put('/api/coaching/profile', { ...PROFILE, languages: ['en', 'ES-mx', 'en'] });
    expect(saved.status).toBe(200);
    expect(saved.body.profile).toMatchObject({
      alias: 'Coach Profile',
      timezone: 'America/Chicago',
      languages: ['en', 'es-mx'],
      maxCaseload: 10,
      seatsTaken: 0,
      accepting: true,
      certification: 'CPRS',
    });
    const moved = await coach.agent.put('/api/coaching/profile', { ...PROFILE, timezone: 'Europe/Madrid', accepting: false });
    expect(moved.body.profile).toMatchObject({ timezone: 'Europe/Madrid', accepting: false });
    // Leaving the zone out keeps the one saved.
    const again = await coach.agent.put('/api/coaching/profile', PROFILE);
    expect(again.body.profile.timezone).toBe('Europe/Madrid');
  });

  it('refuses bad input with 400 naming the field', async () => {
    const coach = await buildPerson(t, { roles: ['coach'] });
    const cases = [
      { ...PROFILE, maxCaseload: 201 },
      { ...PROFILE, languages: [] },
      { ...PROFILE, availability: [{ day: 8, start: '09:00', end: '10:00' }] },
      { ...PROFILE, availability: [{ day: 1, start: '10:00', end: '09:00' }] },
      { ...PROFILE, specialties: ['astrology'] },
      { ...PROFILE, timezone: 'Mars/Olympus' },
      { ...PROFILE, livedExperience: 'x'.repeat(2001) },
      { ...PROFILE, seatsTaken: 0 },
    ];
    for (const body of cases) {
      const response = await coach.agent.put('/api/coaching/profile', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('only coaches have a coach profile (others 404, anonymous 401)', async () => {
    const member = await buildPerson(t);
    expect((await member.agent.get('/api/coaching/profile')).status).toBe(404);
    expect((await member.agent.put('/api/coaching/profile', PROFILE)).status).toBe(404);
    expect((await createAgent(t.app).get('/api/coaching/profile')).status).toBe(401);
  });

  it('the maximum caseload cannot go below the seats taken: 409 with a clear message', async () => {
    const coach = await buildCoach(t, 'Coach Full', { maxCaseload: 2 });
    const a = await buildWaitingMember(t, 'Member Fa');
    const b = await buildWaitingMember(t, 'Member Fb');
    await supervisor.agent.post('/api/coaching/matching/approve', {
      pairs: [
        { requestId: a.requestId, coachId: coach.id },
        { requestId: b.requestId, coachId: coach.id },
      ],
    });
    const lowered = await coach.agent.put('/api/coaching/profile', { ...PROFILE, maxCaseload: 1 });
    expect(lowered.status).toBe(409);
    expect(lowered.body.error.message).toBe('2 people hold seats in your caseload; the maximum cannot go below 2');
    expect((await coach.agent.put('/api/coaching/profile', { ...PROFILE, maxCaseload: 2 })).status).toBe(200);
  });

  it('members see coaches taking people with free seats: alias and what they offer, never an email', async () => {
    const open = await buildCoach(t, 'Coach Listed');
    await buildCoach(t, 'Coach Closed', { accepting: false });
    await buildCoach(t, 'Coach Zero', { maxCaseload: 0 });
    const member = await buildPerson(t);
    const response = await member.agent.get('/api/coaching/coaches');
    expect(response.status).toBe(200);
    const aliases = response.body.map((c: { alias: string }) => c.alias);
    expect(aliases).toContain('Coach Listed');
    expect(aliases).not.toContain('Coach Closed');
    expect(aliases).not.toContain('Coach Zero');
    const card = response.body.find((c: { id: string }) => c.id === open.id);
    expect(Object.keys(card).sort()).toEqual(
      ['alias', 'certification', 'gender', 'id', 'languages', 'livedExperience', 'pathways', 'specialties'].sort(),
    );
    expect(JSON.stringify(response.body)).not.toContain('@example.org');
    expect((await createAgent(t.app).get('/api/coaching/coaches')).status).toBe(401);
  });
});

describe('intake', () => {
  it('a member asks for a coach with preferences, a named coach and a note; a second request is 409', async () => {
    const coach = await buildCoach(t, 'Coach Named');
    const member = await buildPerson(t, { alias: 'Member Intake' });
    const prefs = preferences({ language: { value: ['es'], required: true }, gender: { value: ['woman'], required: false } });
    const response = await member.agent.post('/api/coaching/requests', {
      preferences: prefs,
      requestedCoachId: coach.id,
      intakeNote: 'Evenings work best for me.',
    });
    expect(response.status).toBe(201);
    expect(response.body.current).toMatchObject({
      status: 'requested',
      preferences: prefs,
      requestedCoach: { id: coach.id, alias: 'Coach Named' },
      coach: null,
      intakeNote: 'Evenings work best for me.',
      allowed: ['withdraw'],
      waitingDays: 0,
    });
    expect(response.body.current.history).toEqual([
      expect.objectContaining({ fromStatus: null, toStatus: 'requested', actor: { id: member.id, alias: 'Member Intake' } }),
    ]);
    const twice = await member.agent.post('/api/coaching/requests', { preferences: NO_PREFERENCES });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('CONFLICT');
  });

  it('refuses an unknown named coach, an over-long note and bad preferences', async () => {
    const member = await buildPerson(t);
    const unknown = await member.agent.post('/api/coaching/requests', { preferences: NO_PREFERENCES, requestedCoachId: randomUUID() });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields[0].path).toBe('body.requestedCoachId');
    const notCoach = await member.agent.post('/api/coaching/requests', { preferences: NO_PREFERENCES, requestedCoachId: supervisor.id });
    expect(notCoach.status).toBe(400);
    const long = await member.agent.post('/api/coaching/requests', { preferences: NO_PREFERENCES, intakeNote: 'x'.repeat(1001) });
    expect(long.status).toBe(400);
    const badPrefs = await member.agent.post('/api/coaching/requests', {
      preferences: { ...NO_PREFERENCES, language: { value: [], required: true } },
    });
    expect(badPrefs.status).toBe(400);
    expect((await member.agent.get('/api/coaching/mine')).body).toEqual({ current: null, past: [] });
  });

  it('only members ask; a member withdraws and may ask again', async () => {
    const coach = await buildPerson(t, { roles: ['coach'] });
    expect((await coach.agent.post('/api/coaching/requests', { preferences: NO_PREFERENCES })).status).toBe(404);
    const { member, requestId } = await buildWaitingMember(t, 'Member Withdraws');
    const withdrawn = await member.agent.post(`/api/coaching/relationships/${requestId}/withdraw`, { reason: 'Found a sponsor' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    const mine = await member.agent.get('/api/coaching/mine');
    expect(mine.body.current).toBeNull();
    expect(mine.body.past[0]).toMatchObject({ status: 'withdrawn', endReason: 'Found a sponsor', allowed: [] });
    expect((await member.agent.post('/api/coaching/requests', { preferences: NO_PREFERENCES })).status).toBe(201);
  });
});
