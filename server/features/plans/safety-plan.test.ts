import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CRISIS_LINES } from '../../../shared/contracts/organization.ts';
import { EMPTY_SAFETY_PLAN, SAFETY_PLAN_LIMITS, SAFETY_PLAN_STEPS } from '../../../shared/contracts/safety-plan.ts';
import { safetyPlanVersions } from '../../db/schema/plans.ts';
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

const SAFETY = '/api/me/safety-plan';
// What setUpOrganization configures.
const ORG_LINES = [{ name: '988 Lifeline', phone: '988' }];

function buildSafetyPlan() {
  return {
    warningSigns: ['I stop answering my phone', 'I skip meals'],
    copingOnMyOwn: ['Walk around the block', 'Cold water on my face'],
    distractions: [{ name: 'The library on Main St' }, { name: 'Cousin Ray', phone: '555-0100' }],
    helpers: [{ name: 'Dana (sponsor)', phone: '+1 555 010 2030' }],
    professionals: [{ name: 'Dr. Lee, counselor', phone: '555-0199' }],
    safeEnvironment: ['Leave the car keys with Dana on hard nights'],
    mostImportant: 'My daughter',
  };
}

const rowsOf = (userId: string) => t.database.db.select().from(safetyPlanVersions).where(eq(safetyPlanVersions.userId, userId));

describe('GET /api/me/safety-plan', () => {
  it('is empty at version 0 before the first save, and always carries the organization’s crisis lines', async () => {
    const person = await buildPerson(t);
    const response = await person.agent.get(SAFETY);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ version: 0, createdAt: null, content: EMPTY_SAFETY_PLAN, crisisLines: ORG_LINES });
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('follows the organization’s settings, and falls back to 988 when the list is empty', async () => {
    const person = await buildPerson(t);
    const lines = [
      { name: 'Harbor warm line', phone: '555-0111', note: 'Peers answer 8 a.m. to midnight' },
      { name: '988 Lifeline', phone: '988', text: '988' },
    ];
    expect((await admin.agent.patch('/api/admin/settings', { crisisLines: lines })).status).toBe(200);
    // The organization row is cached for a few seconds in each process; forget it as a settings change would elsewhere.
    t.app.ctx.forgetOrganization();
    expect((await person.agent.get(SAFETY)).body.crisisLines).toEqual(lines);

    expect((await admin.agent.patch('/api/admin/settings', { crisisLines: [] })).status).toBe(200);
    t.app.ctx.forgetOrganization();
    const fallback = (await person.agent.get(SAFETY)).body.crisisLines;
    expect(fallback).toEqual(DEFAULT_CRISIS_LINES);
    expect(fallback[0].phone).toBe('988');

    await admin.agent.patch('/api/admin/settings', { crisisLines: ORG_LINES });
    t.app.ctx.forgetOrganization();
  });

  it('needs a signed-in person', async () => {
    expect((await createAgent(t.app).get(SAFETY)).status).toBe(401);
  });
});

describe('PUT /api/me/safety-plan', () => {
  it('saves versions, keeps the history, and returns the crisis lines with every answer', async () => {
    const person = await buildPerson(t);
    const first = await person.agent.put(SAFETY, { content: buildSafetyPlan(), baseVersion: 0 });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ version: 1, createdAt: expect.any(String), content: buildSafetyPlan(), crisisLines: ORG_LINES });
    const changed = { ...buildSafetyPlan(), warningSigns: ['I stop answering my phone'], mostImportant: 'My daughter and my dog' };
    const second = await person.agent.put(SAFETY, { content: changed, baseVersion: 1 });
    expect(second.body).toMatchObject({ version: 2, content: changed });
    expect((await person.agent.get(SAFETY)).body).toEqual(second.body);
    expect((await rowsOf(person.id)).map((r) => r.version).sort()).toEqual([1, 2]);

    const history = await person.agent.get(`${SAFETY}/versions`);
    expect(history.body.versions).toEqual([
      {
        version: 2,
        createdAt: expect.any(String),
        summary: 'Warning signs: 1 removed; Most important to me: changed',
        changes: [
          { section: 'warningSigns', added: 0, removed: 1, changed: 0 },
          { section: 'mostImportant', added: 0, removed: 0, changed: 1 },
        ],
      },
      { version: 1, createdAt: expect.any(String), summary: 'First version', changes: [] },
    ]);
    const old = await person.agent.get(`${SAFETY}/versions/1`);
    expect(old.body).toMatchObject({ version: 1, content: buildSafetyPlan(), crisisLines: ORG_LINES });
    expect((await person.agent.get(`${SAFETY}/versions/3`)).status).toBe(404);
  });

  it('refuses a stale baseVersion with 409 and keeps the newer plan (two tabs)', async () => {
    const person = await buildPerson(t);
    await person.agent.put(SAFETY, { content: buildSafetyPlan(), baseVersion: 0 });
    const phone = { ...buildSafetyPlan(), helpers: [] };
    const laptop = { ...buildSafetyPlan(), safeEnvironment: [] };
    expect((await person.agent.put(SAFETY, { content: phone, baseVersion: 1 })).status).toBe(200);
    const stale = await person.agent.put(SAFETY, { content: laptop, baseVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'CONFLICT', fields: [{ path: 'body.baseVersion' }] });
    expect((await person.agent.get(SAFETY)).body).toMatchObject({ version: 2, content: phone });
    expect(await rowsOf(person.id)).toHaveLength(2);
  });

  it('refuses broken plans with a 400 naming the field, and writes nothing', async () => {
    const person = await buildPerson(t);
    const plan = buildSafetyPlan();
    const cases: [unknown, string][] = [
      [{ content: { ...plan, warningSigns: ['  '] }, baseVersion: 0 }, 'body.content.warningSigns.0'],
      [{ content: { ...plan, helpers: [{ name: 'Dana', phone: 'not a phone' }] }, baseVersion: 0 }, 'body.content.helpers.0.phone'],
      [{ content: { ...plan, professionals: [{ phone: '988' }] }, baseVersion: 0 }, 'body.content.professionals.0.name'],
      [
        {
          content: { ...plan, copingOnMyOwn: Array.from({ length: SAFETY_PLAN_LIMITS.itemsPerStep + 1 }, () => 'Breathe') },
          baseVersion: 0,
        },
        'body.content.copingOnMyOwn',
      ],
      [{ content: { ...plan, mostImportant: 'x'.repeat(301) }, baseVersion: 0 }, 'body.content.mostImportant'],
      [{ content: { ...plan, crisisLines: [] }, baseVersion: 0 }, 'body.content'],
      [{ content: { ...plan, safeEnvironment: undefined }, baseVersion: 0 }, 'body.content.safeEnvironment'],
      [{ content: plan, baseVersion: '0' }, 'body.baseVersion'],
    ];
    for (const [body, path] of cases) {
      const response = await person.agent.put(SAFETY, body);
      expect(response.status, path).toBe(400);
      expect(
        response.body.error.fields.map((f: { path: string }) => f.path),
        path,
      ).toContain(path);
    }
    expect(await rowsOf(person.id)).toHaveLength(0);
  });

  it('needs a signed-in person', async () => {
    expect((await createAgent(t.app).put(SAFETY, { content: EMPTY_SAFETY_PLAN, baseVersion: 0 })).status).toBe(401);
  });
});

describe('the safety plan contract', () => {
  it('names the six steps in order, each a field of the content', () => {
    expect(SAFETY_PLAN_STEPS.map((s) => s.key)).toEqual([
      'warningSigns',
      'copingOnMyOwn',
      'distractions',
      'helpers',
      'professionals',
      'safeEnvironment',
    ]);
    for (const step of SAFETY_PLAN_STEPS) expect(EMPTY_SAFETY_PLAN).toHaveProperty(step.key);
  });
});

describeRecordMatrix({
  name: 'GET /api/people/:id/safety-plan',
  app: () => t,
  scope: 'safety_plan',
  url: (id) => `/api/people/${id}/safety-plan`,
  fill: async (subject) => {
    expect((await subject.agent.put(SAFETY, { content: buildSafetyPlan(), baseVersion: 0 })).status).toBe(200);
  },
  expectRecord: (body) => {
    expect(body).toMatchObject({ version: 1, content: buildSafetyPlan(), crisisLines: ORG_LINES });
  },
});
