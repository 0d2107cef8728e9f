import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOCK_LIMITS } from '../../../shared/contracts/clocks.ts';
import { clockRuns, recoveryClocks } from '../../db/schema/clocks.ts';
import { createAgent } from '../../test/agent.ts';
import { buildPerson, type Person, setUpOrganization } from '../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await setUpOrganization(t);
});
afterAll(async () => t.close());

// buildPerson gives everyone this profile time zone; days are counted in it.
const ZONE = 'America/Chicago';
const NOT_FOUND = { error: { code: 'NOT_FOUND', message: 'Not found' } };

/** `days` calendar days (and `hours`) before now, in the member's zone, as ISO with its offset. */
function ago(days: number, hours = 0): string {
  return DateTime.now().setZone(ZONE).minus({ days, hours }).toISO() as string;
}
function localDate(iso: string, plusDays: number): string {
  return DateTime.fromISO(iso, { setZone: true }).setZone(ZONE).plus({ days: plusDays }).toISODate() as string;
}
const keys = (milestones: { key: string }[]) => milestones.map((m) => m.key);

async function newClock(person: Person, body: Record<string, unknown> = {}) {
  const response = await person.agent.post('/api/me/clocks', { label: 'Alcohol', kind: 'abstinence', startedAt: ago(10), ...body });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}
async function runsInDb(clockId: string) {
  return t.database.db.select().from(clockRuns).where(eq(clockRuns.clockId, clockId));
}
function expectFieldError(response: { status: number; body: any }, path: string) {
  expect(response.status, JSON.stringify(response.body)).toBe(400);
  expect(response.body.error.code).toBe('VALIDATION_FAILED');
  expect(response.body.error.fields.map((f: { path: string }) => f.path)).toContain(path);
}

describe('POST /api/me/clocks', () => {
  let member: Person;
  beforeAll(async () => {
    member = await buildPerson(t);
  });

  it('starts an abstinence clock with its days, totals and milestones', async () => {
    const startedAt = ago(10);
    const clock = await newClock(member, { startedAt });
    expect(clock).toMatchObject({
      label: 'Alcohol',
      kind: 'abstinence',
      goal: null,
      timezone: ZONE,
      startedAt: new Date(startedAt).toISOString(),
      currentDays: 10,
      totalDays: 10,
      longestRunDays: 10,
      pastRuns: [],
    });
    expect(keys(clock.reachedMilestones)).toEqual(['24_hours', '7_days']);
    expect(clock.reachedMilestones[1]).toMatchObject({ amount: 7, unit: 'days', localDate: localDate(startedAt, 7) });
    expect(clock.nextMilestone).toMatchObject({ key: '30_days', localDate: localDate(startedAt, 30) });
    expect(new Date(clock.nextMilestone.at).getTime()).toBe(DateTime.fromISO(startedAt).plus({ days: 30 }).toMillis());
  });

  it('counts a medication-supported recovery clock like any other, and a harm-reduction goal in the member’s words', async () => {
    const recovery = await newClock(member, { label: 'My recovery', kind: 'recovery', startedAt: ago(400) });
    expect(recovery).toMatchObject({ kind: 'recovery', currentDays: 400 });
    expect(keys(recovery.reachedMilestones)).toContain('1_year');
    expect(recovery.nextMilestone.key).toBe('18_months');
    const goal = 'No more than two drinks, only on weekends';
    const harm = await newClock(member, { label: 'Drinking', kind: 'harm_reduction', goal, startedAt: ago(0, 2) });
    expect(harm).toMatchObject({ kind: 'harm_reduction', goal, currentDays: 0, reachedMilestones: [] });
    expect(harm.nextMilestone.key).toBe('24_hours');
  });

  it('refuses bad input with a 400 naming the field, and writes nothing', async () => {
    const person = await buildPerson(t);
    const future = DateTime.now().plus({ hours: 2 }).toISO();
    expectFieldError(
      await person.agent.post('/api/me/clocks', { label: 'Alcohol', kind: 'abstinence', startedAt: future }),
      'body.startedAt',
    );
    expectFieldError(
      await person.agent.post('/api/me/clocks', { label: 'x'.repeat(CLOCK_LIMITS.labelMax + 1), kind: 'abstinence', startedAt: ago(1) }),
      'body.label',
    );
    expectFieldError(await person.agent.post('/api/me/clocks', { label: '  ', kind: 'abstinence', startedAt: ago(1) }), 'body.label');
    expectFieldError(await person.agent.post('/api/me/clocks', { label: 'Gambling', kind: 'willpower', startedAt: ago(1) }), 'body.kind');
    // Without an offset the instant is ambiguous: refused rather than guessed.
    expectFieldError(
      await person.agent.post('/api/me/clocks', { label: 'Gambling', kind: 'abstinence', startedAt: '2026-01-01T00:00:00' }),
      'body.startedAt',
    );
    expectFieldError(
      await person.agent.post('/api/me/clocks', { label: 'Gambling', kind: 'abstinence', startedAt: '1850-01-01T00:00:00Z' }),
      'body.startedAt',
    );
    expectFieldError(
      await person.agent.post('/api/me/clocks', { label: 'Drinking', kind: 'harm_reduction', startedAt: ago(1) }),
      'body.goal',
    );
    expectFieldError(
      await person.agent.post('/api/me/clocks', { label: 'Drinking', kind: 'abstinence', startedAt: ago(1), owner: member.id }),
      'body',
    );
    const future400 = await person.agent.post('/api/me/clocks', { label: 'Alcohol', kind: 'abstinence', startedAt: future });
    expect(future400.body.error.message).toContain('startedAt');
    expect((await person.agent.get('/api/me/clocks')).body).toEqual({ clocks: [] });
    expect(await t.database.db.select().from(recoveryClocks).where(eq(recoveryClocks.userId, person.id))).toEqual([]);
  });

  it('takes a start a few seconds ahead of the server (a phone’s clock) as now', async () => {
    const clock = await newClock(member, { startedAt: DateTime.now().plus({ seconds: 20 }).toISO() });
    expect(new Date(clock.startedAt).getTime()).toBeLessThanOrEqual(Date.now());
    expect(clock.currentDays).toBe(0);
  });

  it(`keeps at most ${CLOCK_LIMITS.clocksMax} clocks at a time (409), and archiving frees a place`, async () => {
    const person = await buildPerson(t);
    const made = [];
    for (let i = 0; i < CLOCK_LIMITS.clocksMax; i++) made.push(await newClock(person, { label: `Clock ${i}` }));
    const over = await person.agent.post('/api/me/clocks', { label: 'One more', kind: 'abstinence', startedAt: ago(1) });
    expect(over.status).toBe(409);
    expect((await person.agent.delete(`/api/me/clocks/${made[0].id}`)).status).toBe(200);
    await newClock(person, { label: 'One more' });
  });
});

describe('GET /api/me/clocks', () => {
  it('lists my active clocks in the order I made them, never anyone else’s', async () => {
    const me = await buildPerson(t);
    const other = await buildPerson(t);
    const first = await newClock(me, { label: 'Alcohol' });
    const second = await newClock(me, { label: 'Gambling', startedAt: ago(3) });
    await newClock(other, { label: 'Opioids' });
    const response = await me.agent.get('/api/me/clocks');
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body.clocks.map((c: { id: string }) => c.id)).toEqual([first.id, second.id]);
    expect(response.body.clocks[1]).toMatchObject({ label: 'Gambling', currentDays: 3 });
  });

  it('counts days in the member’s current time zone', async () => {
    const me = await buildPerson(t);
    await newClock(me);
    expect((await me.agent.patch('/api/me/profile', { timezone: 'Pacific/Auckland' })).status).toBe(200);
    const [clock] = (await me.agent.get('/api/me/clocks')).body.clocks;
    expect(clock.timezone).toBe('Pacific/Auckland');
    expect(clock.nextMilestone.localDate).toBe(DateTime.fromISO(clock.nextMilestone.at).setZone('Pacific/Auckland').toISODate());
  });

  it('needs a signed-in person', async () => {
    expect((await createAgent(t.app).get('/api/me/clocks')).status).toBe(401);
  });
});

describe('PATCH /api/me/clocks/:id', () => {
  let member: Person;
  beforeAll(async () => {
    member = await buildPerson(t);
  });

  it('renames, sets a goal and corrects the start', async () => {
    const clock = await newClock(member);
    const response = await member.agent.patch(`/api/me/clocks/${clock.id}`, {
      label: 'Alcohol and weed',
      goal: 'One day at a time',
      startedAt: ago(35),
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: clock.id, label: 'Alcohol and weed', goal: 'One day at a time', currentDays: 35 });
    expect(keys(response.body.reachedMilestones)).toEqual(['24_hours', '7_days', '30_days']);
    const cleared = await member.agent.patch(`/api/me/clocks/${clock.id}`, { goal: null });
    expect(cleared.body).toMatchObject({ goal: null, label: 'Alcohol and weed', currentDays: 35 });
  });

  it('refuses a future start, an empty goal on a harm-reduction clock, a start before the previous run ended', async () => {
    const harm = await newClock(member, { kind: 'harm_reduction', goal: 'Never use alone', startedAt: ago(20) });
    expectFieldError(
      await member.agent.patch(`/api/me/clocks/${harm.id}`, { startedAt: DateTime.now().plus({ days: 1 }).toISO() }),
      'body.startedAt',
    );
    expectFieldError(await member.agent.patch(`/api/me/clocks/${harm.id}`, { goal: null, label: 'Renamed' }), 'body.goal');
    expectFieldError(await member.agent.patch(`/api/me/clocks/${harm.id}`, { label: 'y'.repeat(61) }), 'body.label');
    await member.agent.post(`/api/me/clocks/${harm.id}/reset`, { restartedAt: ago(5) });
    expectFieldError(await member.agent.patch(`/api/me/clocks/${harm.id}`, { startedAt: ago(6) }), 'body.startedAt');
    const after = (await member.agent.get('/api/me/clocks')).body.clocks.find((c: { id: string }) => c.id === harm.id);
    // Nothing of the refused changes stuck (not even the label sent beside the bad goal).
    expect(after).toMatchObject({ label: 'Alcohol', goal: 'Never use alone', currentDays: 5, totalDays: 20 });
  });

  it('answers 404 for an unknown clock and for someone else’s, and changes nothing', async () => {
    const other = await buildPerson(t);
    const theirs = await newClock(other);
    expect((await member.agent.patch(`/api/me/clocks/${randomUUID()}`, { label: 'Mine now' })).body).toEqual(NOT_FOUND);
    const response = await member.agent.patch(`/api/me/clocks/${theirs.id}`, { label: 'Mine now' });
    expect(response.status).toBe(404);
    expect(response.body).toEqual(NOT_FOUND);
    expect((await other.agent.get('/api/me/clocks')).body.clocks[0].label).toBe('Alcohol');
  });
});

describe('POST /api/me/clocks/:id/reset', () => {
  let member: Person;
  let clockId: string;
  beforeAll(async () => {
    member = await buildPerson(t);
    clockId = (await newClock(member, { startedAt: ago(100) })).id;
  });

  it('starts a new run and keeps the old one: totals and the longest run still count it', async () => {
    const response = await member.agent.post(`/api/me/clocks/${clockId}/reset`, { restartedAt: ago(40) });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ currentDays: 40, totalDays: 100, longestRunDays: 60 });
    expect(response.body.pastRuns).toHaveLength(1);
    expect(response.body.pastRuns[0].days).toBe(60);
    // Milestones belong to the current run.
    expect(keys(response.body.reachedMilestones)).toEqual(['24_hours', '7_days', '30_days']);
    expect(response.body.nextMilestone.key).toBe('60_days');
  });

  it('asks nothing: an empty body restarts now', async () => {
    const response = await member.agent.post(`/api/me/clocks/${clockId}/reset`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ currentDays: 0, totalDays: 100, longestRunDays: 60, reachedMilestones: [] });
    expect(response.body.pastRuns.map((r: { days: number }) => r.days)).toEqual([40, 60]);
    expect(response.body.nextMilestone.key).toBe('24_hours');
    expect(await runsInDb(clockId)).toHaveLength(2);
  });

  it('works with no body at all (no content type), as a plain button would send it', async () => {
    const clock = await newClock(member, { startedAt: ago(3) });
    const response = await member.agent.raw({
      method: 'POST',
      url: `/api/me/clocks/${clock.id}/reset`,
      headers: { 'x-csrf-token': await member.agent.csrfToken() },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ currentDays: 0, totalDays: 3, longestRunDays: 3 });
  });

  it('adds up leftover hours of the runs into the total', async () => {
    const clock = await newClock(member, { startedAt: ago(6, 18) });
    const response = await member.agent.post(`/api/me/clocks/${clock.id}/reset`, { restartedAt: ago(3, 12) });
    // Runs of 3 days 6 hours and 3 days 12 hours: 6 whole days, and 18 hours that are not yet a day.
    expect(response.body).toMatchObject({ currentDays: 3, totalDays: 6, longestRunDays: 3 });
  });

  it('refuses a restart in the future or before the run began (400 naming restartedAt), writing nothing', async () => {
    const clock = await newClock(member, { startedAt: ago(9) });
    expectFieldError(
      await member.agent.post(`/api/me/clocks/${clock.id}/reset`, { restartedAt: DateTime.now().plus({ hours: 3 }).toISO() }),
      'body.restartedAt',
    );
    expectFieldError(await member.agent.post(`/api/me/clocks/${clock.id}/reset`, { restartedAt: ago(12) }), 'body.restartedAt');
    expectFieldError(await member.agent.post(`/api/me/clocks/${clock.id}/reset`, { restartedAt: 'yesterday' }), 'body.restartedAt');
    expectFieldError(await member.agent.post(`/api/me/clocks/${clock.id}/reset`, { why: 'I drank' }), 'body');
    expect(await runsInDb(clock.id)).toEqual([]);
    const [row] = await t.database.db.select().from(recoveryClocks).where(eq(recoveryClocks.id, clock.id));
    expect(row?.startedAt.toISOString()).toBe(clock.startedAt);
  });

  it('a restart at the very instant the run began keeps no empty run', async () => {
    const clock = await newClock(member, { startedAt: ago(2) });
    const response = await member.agent.post(`/api/me/clocks/${clock.id}/reset`, { restartedAt: clock.startedAt });
    expect(response.status).toBe(200);
    expect(await runsInDb(clock.id)).toEqual([]);
  });

  it('answers 404 for an unknown, archived or someone else’s clock', async () => {
    const other = await buildPerson(t);
    const theirs = await newClock(other);
    expect((await member.agent.post(`/api/me/clocks/${randomUUID()}/reset`)).body).toEqual(NOT_FOUND);
    expect((await member.agent.post(`/api/me/clocks/${theirs.id}/reset`)).status).toBe(404);
    expect(await runsInDb(theirs.id)).toEqual([]);
    const archived = await newClock(member);
    await member.agent.delete(`/api/me/clocks/${archived.id}`);
    expect((await member.agent.post(`/api/me/clocks/${archived.id}/reset`)).status).toBe(404);
  });

  it('two resets at once close each run once: the runs follow one another, never overlap', async () => {
    const clock = await newClock(member, { startedAt: ago(30) });
    const replies = await Promise.all([1, 2, 3].map(() => member.agent.post(`/api/me/clocks/${clock.id}/reset`)));
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200]);
    const runs = (await runsInDb(clock.id)).sort((x, y) => x.startedAt.getTime() - y.startedAt.getTime());
    expect(runs.length).toBeGreaterThanOrEqual(1);
    expect(runs[0]?.startedAt.toISOString()).toBe(clock.startedAt);
    for (let i = 1; i < runs.length; i++) expect(runs[i]?.startedAt.getTime()).toBe(runs[i - 1]?.endedAt.getTime());
    const after = (await member.agent.get('/api/me/clocks')).body.clocks.find((c: { id: string }) => c.id === clock.id);
    expect(after).toMatchObject({ currentDays: 0, totalDays: 30, longestRunDays: 30 });
    expect(new Date(after.startedAt).getTime()).toBe(runs.at(-1)?.endedAt.getTime());
  });
});

describe('DELETE /api/me/clocks/:id', () => {
  it('archives: gone from my list, kept in the database, a second delete is 404', async () => {
    const member = await buildPerson(t);
    const keep = await newClock(member, { label: 'Keep' });
    const gone = await newClock(member, { label: 'Gone' });
    const response = await member.agent.delete(`/api/me/clocks/${gone.id}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ok: true });
    expect((await member.agent.get('/api/me/clocks')).body.clocks.map((c: { id: string }) => c.id)).toEqual([keep.id]);
    const [row] = await t.database.db.select().from(recoveryClocks).where(eq(recoveryClocks.id, gone.id));
    expect(row?.archivedAt).toBeInstanceOf(Date);
    expect((await member.agent.delete(`/api/me/clocks/${gone.id}`)).status).toBe(404);
    expect((await member.agent.patch(`/api/me/clocks/${gone.id}`, { label: 'Back' })).status).toBe(404);
  });

  it('cannot archive someone else’s clock', async () => {
    const owner = await buildPerson(t);
    const other = await buildPerson(t);
    const clock = await newClock(owner);
    expect((await other.agent.delete(`/api/me/clocks/${clock.id}`)).body).toEqual(NOT_FOUND);
    expect((await owner.agent.get('/api/me/clocks')).body.clocks).toHaveLength(1);
  });
});
