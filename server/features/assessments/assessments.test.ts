import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessments } from '../../db/schema/assessments.ts';
import { createAgent } from '../../test/agent.ts';
import { buildPerson, type Person, setUpOrganization } from '../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../test/harness.ts';
import { describeRecordMatrix } from '../../test/record-matrix.ts';

let t: TestApp;
let admin: Person;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await setUpOrganization(t);
});
afterAll(async () => t.close());

const URL = '/api/me/assessments/barc10';
const tenOf = (value: number) => Array.from({ length: 10 }, () => value);
const rowsOf = (userId: string) => t.database.db.select().from(assessments).where(eq(assessments.userId, userId));

describe('POST /api/me/assessments/barc10', () => {
  it('stores the answers and returns the plain total and the threshold', async () => {
    const person = await buildPerson(t);
    const response = await person.agent.post(URL, { answers: [5, 5, 5, 5, 5, 5, 5, 4, 4, 4] });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ id: expect.any(String), total: 47, takenAt: expect.any(String), meetsThreshold: true });
    expect(Math.abs(Date.parse(response.body.takenAt) - Date.now())).toBeLessThan(60_000);
    const rows = await rowsOf(person.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: response.body.id, instrument: 'barc10', answers: [5, 5, 5, 5, 5, 5, 5, 4, 4, 4], total: 47 });
  });

  it('scores the edges: 10, 46 (below the threshold) and 60', async () => {
    const person = await buildPerson(t);
    expect((await person.agent.post(URL, { answers: tenOf(1) })).body).toMatchObject({ total: 10, meetsThreshold: false });
    const below = await person.agent.post(URL, { answers: [5, 5, 5, 5, 5, 5, 4, 4, 4, 4] });
    expect(below.body).toMatchObject({ total: 46, meetsThreshold: false });
    expect((await person.agent.post(URL, { answers: tenOf(6) })).body).toMatchObject({ total: 60, meetsThreshold: true });
  });

  it('refuses bad answers with a 400 naming the field, and writes nothing', async () => {
    const person = await buildPerson(t);
    const cases: [unknown, string][] = [
      [{ answers: [3, 3, 3, 3, 3, 3, 7, 3, 3, 3] }, 'body.answers.6'],
      [{ answers: tenOf(3).slice(0, 9) }, 'body.answers'],
      [{ answers: [...tenOf(3), 3] }, 'body.answers'],
      [{ answers: [0, 3, 3, 3, 3, 3, 3, 3, 3, 3] }, 'body.answers.0'],
      [{ answers: [3, 3, 3, 3, 3, 3, 3, 3, 3, 2.5] }, 'body.answers.9'],
      [{ answers: [3, 3, '3', 3, 3, 3, 3, 3, 3, 3] }, 'body.answers.2'],
      [{ answers: 'all sixes' }, 'body.answers'],
      [{}, 'body.answers'],
      [{ answers: tenOf(3), total: 60 }, 'body'],
    ];
    for (const [body, path] of cases) {
      const response = await person.agent.post(URL, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
      expect(response.body.error.fields[0].path, JSON.stringify(body)).toBe(path);
      expect(response.body.error.message).toContain(path);
    }
    expect(await rowsOf(person.id)).toHaveLength(0);
  });

  it('needs a signed-in person', async () => {
    expect((await createAgent(t.app).post(URL, { answers: tenOf(3) })).status).toBe(401);
  });
});

describe('GET /api/me/assessments/barc10', () => {
  it('lists my results newest first, with answers, and nobody else’s', async () => {
    const person = await buildPerson(t);
    const other = await buildPerson(t);
    await other.agent.post(URL, { answers: tenOf(2) });
    const ids: string[] = [];
    for (const value of [2, 4, 5]) ids.push((await person.agent.post(URL, { answers: tenOf(value) })).body.id);
    // Spread the takings over three months, as a person would.
    const month = 30 * 24 * 3600_000;
    for (const [index, id] of ids.entries()) {
      await t.database.db
        .update(assessments)
        .set({ takenAt: new Date(Date.now() - (2 - index) * month) })
        .where(eq(assessments.id, id));
    }
    const response = await person.agent.get(URL);
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body.results.map((r: { id: string }) => r.id)).toEqual([...ids].reverse());
    expect(response.body.results.map((r: { total: number }) => r.total)).toEqual([50, 40, 20]);
    expect(response.body.results[0]).toEqual({
      id: ids[2],
      total: 50,
      takenAt: expect.any(String),
      meetsThreshold: true,
      answers: tenOf(5),
    });
  });

  it('is empty before the first taking', async () => {
    const person = await buildPerson(t);
    expect((await person.agent.get(URL)).body).toEqual({ results: [] });
  });

  it('needs a signed-in person', async () => {
    expect((await createAgent(t.app).get(URL)).status).toBe(401);
  });
});

describeRecordMatrix({
  name: 'GET /api/people/:id/assessments/barc10',
  app: () => t,
  scope: 'assessments',
  url: (id) => `/api/people/${id}/assessments/barc10`,
  fill: async (subject) => {
    expect((await subject.agent.post(URL, { answers: tenOf(4) })).status).toBe(201);
  },
  expectRecord: (body) => {
    expect(body.results).toEqual([
      { id: expect.any(String), total: 40, takenAt: expect.any(String), meetsThreshold: false, answers: tenOf(4) },
    ]);
  },
});

describe('GET /api/people/:id/assessments/barc10 for a disabled account', () => {
  it('is 404 even to a grantee', async () => {
    const subject = await buildPerson(t);
    const grantee = await buildPerson(t);
    await subject.agent.post(URL, { answers: tenOf(3) });
    await subject.agent.post('/api/me/grants', { granteeId: grantee.id, scopes: ['assessments'], purpose: 'Coaching' });
    expect((await grantee.agent.get(`/api/people/${subject.id}/assessments/barc10`)).status).toBe(200);
    expect((await admin.agent.post(`/api/admin/people/${subject.id}/disable`)).status).toBe(200);
    expect((await grantee.agent.get(`/api/people/${subject.id}/assessments/barc10`)).status).toBe(404);
  });
});
