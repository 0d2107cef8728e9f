import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkins } from '../../db/schema/checkins.ts';
import { idempotencyKeys } from '../../db/schema/core.ts';
import { addDays, todayIn } from '../../lib/dates.ts';
import { createAgent } from '../../test/agent.ts';
import { buildPerson, type Person, setUpOrganization } from '../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await setUpOrganization(t);
});
afterAll(async () => t.close());

// Test people live in America/Chicago (factories.ts).
const today = () => todayIn('America/Chicago');
const GOOD = { mood: 4, craving: 3, sleepHours: 7.5, used: 'no', gratitude: 'My sister called', note: 'Went to a meeting' };

async function putWithKey(person: Person, date: string, body: unknown, key: string) {
  const response = await person.agent.raw({
    method: 'PUT',
    url: `/api/me/checkins/${date}`,
    headers: { 'x-csrf-token': await person.agent.csrfToken(), 'idempotency-key': key },
    payload: body as object,
  });
  return { status: response.statusCode, body: response.json(), headers: response.headers };
}

async function rowsOf(person: Person) {
  return t.database.db.select().from(checkins).where(eq(checkins.userId, person.id));
}

describe('PUT /api/me/checkins/:localDate', () => {
  it('creates today’s check-in (201), then edits it the same day (200), keeping one row', async () => {
    const person = await buildPerson(t);
    const created = await person.agent.put(`/api/me/checkins/${today()}`, GOOD);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      localDate: today(),
      mood: 4,
      craving: 3,
      sleepHours: 7.5,
      used: 'no',
      substances: [],
      gratitude: 'My sister called',
      note: 'Went to a meeting',
      backfilled: false,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(created.headers['cache-control']).toBe('no-store');

    const edited = await person.agent.put(`/api/me/checkins/${today()}`, { mood: 2, craving: 8, used: 'yes', substances: ['alcohol'] });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ mood: 2, craving: 8, sleepHours: null, used: 'yes', substances: ['alcohol'], gratitude: null });
    expect(edited.body.createdAt).toBe(created.body.createdAt);
    expect(await rowsOf(person)).toHaveLength(1);
  });

  it('marks an earlier day as backfilled, up to 30 days back, and keeps the mark on edits', async () => {
    const person = await buildPerson(t);
    const yesterday = addDays(today(), -1);
    const backfill = await person.agent.put(`/api/me/checkins/${yesterday}`, { ...GOOD, localDate: yesterday });
    expect(backfill.status).toBe(201);
    expect(backfill.body.backfilled).toBe(true);
    expect((await person.agent.put(`/api/me/checkins/${addDays(today(), -30)}`, GOOD)).body.backfilled).toBe(true);

    const tooOld = await person.agent.put(`/api/me/checkins/${addDays(today(), -31)}`, GOOD);
    expect(tooOld.status).toBe(400);
    expect(tooOld.body.error.fields[0].path).toBe('params.localDate');
  });

  it('uses the member’s own time zone for “today” (Pacific/Auckland is a day ahead of Chicago part of the day)', async () => {
    const person = await buildPerson(t);
    await person.agent.patch('/api/me/profile', { timezone: 'Pacific/Auckland' });
    const aucklandToday = todayIn('Pacific/Auckland');
    const response = await person.agent.put(`/api/me/checkins/${aucklandToday}`, GOOD);
    expect(response.status).toBe(201);
    expect(response.body.backfilled).toBe(false);
    const tomorrow = await person.agent.put(`/api/me/checkins/${addDays(aucklandToday, 1)}`, GOOD);
    expect(tomorrow.status).toBe(400);
  });

  it('refuses the bad input of the issue with a 4xx naming the field, writing nothing', async () => {
    const person = await buildPerson(t);
    const url = `/api/me/checkins/${today()}`;
    const cases: [unknown, string][] = [
      [{ ...GOOD, craving: 11 }, 'body.craving'],
      [{ ...GOOD, mood: 0 }, 'body.mood'],
      [{ ...GOOD, mood: 3.5 }, 'body.mood'],
      [{ ...GOOD, sleepHours: 7.25 }, 'body.sleepHours'],
      [{ ...GOOD, sleepHours: 25 }, 'body.sleepHours'],
      [{ ...GOOD, used: 'no', substances: ['alcohol'] }, 'body.substances'],
      [{ ...GOOD, used: 'prefer_not_to_say', substances: ['opioids'] }, 'body.substances'],
      [{ ...GOOD, used: 'yes', substances: Array.from({ length: 11 }, (_, i) => `s${i}`) }, 'body.substances'],
      [{ ...GOOD, gratitude: 'g'.repeat(281) }, 'body.gratitude'],
      [{ ...GOOD, note: 'n'.repeat(2001) }, 'body.note'],
      [{ ...GOOD, used: 'maybe' }, 'body.used'],
      [{ ...GOOD, localDate: addDays(today(), -1) }, 'body.localDate'],
      [{ ...GOOD, extra: true }, 'body'],
      [{ craving: 2, used: 'no' }, 'body.mood'],
    ];
    for (const [body, path] of cases) {
      const response = await person.agent.put(url, body);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(response.body.error.fields.map((f: { path: string }) => f.path)).toContain(path);
    }
    const tomorrow = await person.agent.put(`/api/me/checkins/${addDays(today(), 1)}`, GOOD);
    expect(tomorrow.status).toBe(400);
    expect(tomorrow.body.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'params.localDate' }] });
    for (const bad of ['2023-02-29', '2024-13-01', 'today', '2024-1-1']) {
      const response = await person.agent.put(`/api/me/checkins/${bad}`, GOOD);
      expect(response.status, bad).toBe(400);
      expect(response.body.error.fields[0].path).toBe('params.localDate');
    }
    const huge = await person.agent.put(url, { ...GOOD, note: 'x'.repeat(1024 * 1024) });
    expect(huge.status).toBe(413);
    expect(await rowsOf(person)).toHaveLength(0);
  });

  it('accepts used = yes without substances, and trims and de-duplicates them', async () => {
    const person = await buildPerson(t);
    const none = await person.agent.put(`/api/me/checkins/${today()}`, { mood: 2, craving: 6, used: 'yes' });
    expect(none.status).toBe(201);
    expect(none.body.substances).toEqual([]);
    const some = await person.agent.put(`/api/me/checkins/${today()}`, {
      mood: 2,
      craving: 6,
      used: 'yes',
      substances: [' cannabis ', 'cannabis'],
    });
    expect(some.body.substances).toEqual(['cannabis']);
  });

  it('needs a signed-in person', async () => {
    expect((await createAgent(t.app).put(`/api/me/checkins/${today()}`, GOOD)).status).toBe(401);
  });
});

describe('Idempotency-Key on PUT /api/me/checkins/:localDate', () => {
  it('replays the stored answer (same status) and writes nothing more', async () => {
    const person = await buildPerson(t);
    const first = await putWithKey(person, today(), GOOD, 'offline-key-0001');
    expect(first.status).toBe(201);
    // The member edits online in between; the late replay must not undo that edit.
    await person.agent.put(`/api/me/checkins/${today()}`, { ...GOOD, mood: 5 });
    const replay = await putWithKey(
      person,
      today(),
      { note: GOOD.note, gratitude: GOOD.gratitude, used: 'no', sleepHours: 7.5, craving: 3, mood: 4 },
      'offline-key-0001',
    );
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const rows = await rowsOf(person);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.mood).toBe(5);
  });

  it('refuses the same key with a different body or day (422), writing nothing', async () => {
    const person = await buildPerson(t);
    expect((await putWithKey(person, today(), GOOD, 'offline-key-0002')).status).toBe(201);
    const changed = await putWithKey(person, today(), { ...GOOD, craving: 9 }, 'offline-key-0002');
    expect(changed.status).toBe(422);
    expect(changed.body.error).toMatchObject({ code: 'IDEMPOTENCY_MISMATCH', fields: [{ path: 'headers.idempotency-key' }] });
    const otherDay = await putWithKey(person, addDays(today(), -1), GOOD, 'offline-key-0002');
    expect(otherDay.status).toBe(422);
    expect(await rowsOf(person)).toHaveLength(1);
    expect((await rowsOf(person))[0]?.craving).toBe(3);
  });

  it('keys belong to one person: another member may use the same key', async () => {
    const [a, b] = [await buildPerson(t), await buildPerson(t)];
    expect((await putWithKey(a, today(), GOOD, 'shared-key-0003')).status).toBe(201);
    expect((await putWithKey(b, today(), { ...GOOD, mood: 1 }, 'shared-key-0003')).status).toBe(201);
  });

  it('creates exactly one row and one key when duplicates arrive at once', async () => {
    const person = await buildPerson(t);
    const replies = await Promise.all(Array.from({ length: 8 }, () => putWithKey(person, today(), GOOD, 'concurrent-key-0004')));
    expect(replies.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(new Set(replies.map((r) => JSON.stringify(r.body))).size).toBe(1);
    expect(await rowsOf(person)).toHaveLength(1);
    const keys = await t.database.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.userId, person.id));
    expect(keys).toHaveLength(1);
    expect(keys[0]?.status).toBe(201);
  });

  it('stores nothing for a refused request, so a corrected retry with the same key works', async () => {
    const person = await buildPerson(t);
    const future = await putWithKey(person, addDays(today(), 1), GOOD, 'retry-key-0005');
    expect(future.status).toBe(400);
    const keys = await t.database.db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.userId, person.id), eq(idempotencyKeys.key, 'retry-key-0005')));
    expect(keys).toHaveLength(0);
  });

  it('refuses a malformed key with a 400 naming the header', async () => {
    const person = await buildPerson(t);
    for (const key of ['short', 'has spaces in it', 'k'.repeat(101), 'semi;colon;key']) {
      const response = await putWithKey(person, today(), GOOD, key);
      expect(response.status, key).toBe(400);
      expect(response.body.error.fields[0].path).toBe('headers.idempotency-key');
    }
    expect(await rowsOf(person)).toHaveLength(0);
  });
});

describe('GET and DELETE /api/me/checkins/:localDate', () => {
  it('reads my check-in of a day, deletes it, then answers 404', async () => {
    const person = await buildPerson(t);
    await person.agent.put(`/api/me/checkins/${today()}`, GOOD);
    const read = await person.agent.get(`/api/me/checkins/${today()}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ localDate: today(), mood: 4 });
    expect((await person.agent.delete(`/api/me/checkins/${today()}`)).body).toEqual({ ok: true });
    expect((await person.agent.get(`/api/me/checkins/${today()}`)).status).toBe(404);
    expect((await person.agent.delete(`/api/me/checkins/${today()}`)).status).toBe(404);
  });

  it('never shows or deletes another member’s check-in', async () => {
    const [owner, other] = [await buildPerson(t), await buildPerson(t)];
    await owner.agent.put(`/api/me/checkins/${today()}`, GOOD);
    expect((await other.agent.get(`/api/me/checkins/${today()}`)).status).toBe(404);
    expect((await other.agent.delete(`/api/me/checkins/${today()}`)).status).toBe(404);
    expect(await rowsOf(owner)).toHaveLength(1);
  });
});

describe('GET /api/me/checkins', () => {
  it('lists my own check-ins newest first, the last 30 days by default, or a chosen range', async () => {
    const person = await buildPerson(t);
    const other = await buildPerson(t);
    await other.agent.put(`/api/me/checkins/${today()}`, GOOD);
    for (const back of [0, 2, 5, 29])
      await person.agent.put(`/api/me/checkins/${addDays(today(), -back)}`, { ...GOOD, mood: 1 + (back % 5) });
    await t.database.db.insert(checkins).values({ userId: person.id, localDate: addDays(today(), -40), mood: 3, craving: 1, used: 'no' });

    const recent = await person.agent.get('/api/me/checkins');
    expect(recent.status).toBe(200);
    expect(recent.body.from).toBe(addDays(today(), -29));
    expect(recent.body.to).toBe(today());
    expect(recent.body.items.map((c: { localDate: string }) => c.localDate)).toEqual([0, 2, 5, 29].map((b) => addDays(today(), -b)));

    const range = await person.agent.get(`/api/me/checkins?from=${addDays(today(), -45)}&to=${addDays(today(), -3)}`);
    expect(range.body.items.map((c: { localDate: string }) => c.localDate)).toEqual([
      addDays(today(), -5),
      addDays(today(), -29),
      addDays(today(), -40),
    ]);
  });

  it('refuses a reversed or too wide range, naming query.from', async () => {
    const person = await buildPerson(t);
    const reversed = await person.agent.get(`/api/me/checkins?from=${today()}&to=${addDays(today(), -1)}`);
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.fields[0].path).toBe('query.from');
    const wide = await person.agent.get(`/api/me/checkins?from=${addDays(today(), -366)}&to=${today()}`);
    expect(wide.status).toBe(400);
    expect(wide.body.error.fields[0].path).toBe('query.from');
    expect((await person.agent.get(`/api/me/checkins?from=${addDays(today(), -365)}&to=${today()}`)).status).toBe(200);
    expect((await person.agent.get('/api/me/checkins?from=yesterday')).status).toBe(400);
    expect((await person.agent.get('/api/me/checkins?limit=5')).status).toBe(400);
  });
});

describe('GET /api/me/trends', () => {
  let person: Person;
  beforeAll(async () => {
    person = await buildPerson(t);
    // Known data: a run of 3 ending today, a gap on day -3, a run of 5 (days -4 … -8),
    // and an older run of 10 days ending 200 days ago.
    const days: { back: number; mood: number; craving: number; sleepHours: number | null }[] = [];
    for (let back = 0; back <= 2; back++) days.push({ back, mood: 4, craving: 2, sleepHours: 8 });
    for (let back = 4; back <= 8; back++) days.push({ back, mood: 2, craving: 7, sleepHours: null });
    for (let back = 200; back <= 209; back++) days.push({ back, mood: 3, craving: 5, sleepHours: 6.5 });
    await t.database.db.insert(checkins).values(
      days.map((d) => ({
        userId: person.id,
        localDate: addDays(today(), -d.back),
        mood: d.mood,
        craving: d.craving,
        sleepHours: d.sleepHours,
        used: 'no' as const,
      })),
    );
  });

  it('gives the 7-day series, adherence and streaks', async () => {
    const response = await person.agent.get('/api/me/trends?days=7');
    expect(response.status).toBe(200);
    const body = response.body;
    expect(body).toMatchObject({ days: 7, from: addDays(today(), -6), to: today(), daysCheckedIn: 6, currentStreak: 3, longestStreak: 10 });
    expect(body.adherence).toBeCloseTo(6 / 7, 4);
    expect(body.series).toHaveLength(7);
    expect(body.series[6]).toEqual({ date: today(), checkedIn: true, mood: 4, craving: 2, sleepHours: 8 });
    expect(body.series[3]).toEqual({ date: addDays(today(), -3), checkedIn: false, mood: null, craving: null, sleepHours: null });
    expect(body.series[0]).toEqual({ date: addDays(today(), -6), checkedIn: true, mood: 2, craving: 7, sleepHours: null });
  });

  it('covers 30 and 365 days, defaulting to 30', async () => {
    const thirty = await person.agent.get('/api/me/trends');
    expect(thirty.body).toMatchObject({ days: 30, daysCheckedIn: 8 });
    expect(thirty.body.adherence).toBeCloseTo(8 / 30, 4);
    const year = await person.agent.get('/api/me/trends?days=365');
    expect(year.body).toMatchObject({ days: 365, daysCheckedIn: 18, currentStreak: 3, longestStreak: 10 });
    expect(year.body.series).toHaveLength(365);
    expect(year.body.series.filter((p: { checkedIn: boolean }) => p.checkedIn)).toHaveLength(18);
  });

  it('keeps the streak until the end of the next day, then drops it', async () => {
    const member = await buildPerson(t);
    await t.database.db
      .insert(checkins)
      .values([1, 2].map((back) => ({ userId: member.id, localDate: addDays(today(), -back), mood: 3, craving: 3, used: 'no' as const })));
    expect((await member.agent.get('/api/me/trends?days=7')).body).toMatchObject({ currentStreak: 2, longestStreak: 2 });
    const empty = await buildPerson(t);
    expect((await empty.agent.get('/api/me/trends?days=90')).body).toMatchObject({
      daysCheckedIn: 0,
      adherence: 0,
      currentStreak: 0,
      longestStreak: 0,
    });
  });

  it('refuses other windows', async () => {
    for (const query of ['days=14', 'days=-1', 'days=abc', 'weeks=2']) {
      const response = await person.agent.get(`/api/me/trends?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.error.fields[0].path).toMatch(/^query/);
    }
  });
});
