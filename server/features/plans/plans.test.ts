import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_PLAN, LIFE_DOMAINS, PLAN_LIMITS, type PlanContent } from '../../../shared/contracts/plans.ts';
import { recoveryPlanVersions } from '../../db/schema/plans.ts';
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

const PLAN = '/api/me/plan';

function buildPlan(): PlanContent {
  return {
    goals: [
      {
        id: 'g1',
        domain: 'housing',
        title: 'Move into a place of my own',
        steps: [
          { id: 's1', text: 'Ask about the housing voucher', done: true },
          { id: 's2', text: 'Visit two apartments', done: false },
        ],
        targetDate: '2027-03-01',
        status: 'in_progress',
      },
      { id: 'g2', domain: 'community', title: 'Volunteer at the center', steps: [], status: 'not_started' },
    ],
    triggers: [{ id: 't1', text: 'Payday evenings', copingIds: ['c1', 'c2'] }],
    copingStrategies: [
      { id: 'c1', text: 'Call my sponsor' },
      { id: 'c2', text: 'Go to the evening meeting' },
    ],
    supportPeople: [{ id: 'p1', name: 'Dana', relationship: 'Sponsor', phone: '+1 (555) 010-2030' }],
  };
}

const rowsOf = (userId: string) => t.database.db.select().from(recoveryPlanVersions).where(eq(recoveryPlanVersions.userId, userId));

describe('GET /api/me/plan', () => {
  it('is an empty plan at version 0 before the first save', async () => {
    const person = await buildPerson(t);
    const response = await person.agent.get(PLAN);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ version: 0, createdAt: null, content: EMPTY_PLAN });
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('needs a signed-in person', async () => {
    expect((await createAgent(t.app).get(PLAN)).status).toBe(401);
  });
});

describe('PUT /api/me/plan', () => {
  it('saves a first version and returns it; GET returns the same', async () => {
    const person = await buildPerson(t);
    const saved = await person.agent.put(PLAN, { content: buildPlan(), baseVersion: 0 });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ version: 1, createdAt: expect.any(String), content: buildPlan() });
    expect((await person.agent.get(PLAN)).body).toEqual(saved.body);
  });

  it('keeps every version; each save is one row', async () => {
    const person = await buildPerson(t);
    const plan = buildPlan();
    await person.agent.put(PLAN, { content: plan, baseVersion: 0 });
    plan.goals[0]?.steps.push({ id: 's3', text: 'Sign the lease', done: false });
    const second = await person.agent.put(PLAN, { content: plan, baseVersion: 1 });
    expect(second.body.version).toBe(2);
    expect((await rowsOf(person.id)).map((r) => r.version).sort()).toEqual([1, 2]);
    expect((await person.agent.get(PLAN)).body.content.goals[0].steps).toHaveLength(3);
  });

  it('refuses a stale baseVersion with 409 naming body.baseVersion, and writes nothing (two tabs)', async () => {
    const person = await buildPerson(t);
    await person.agent.put(PLAN, { content: buildPlan(), baseVersion: 0 });
    const tabA = { ...buildPlan(), goals: [] };
    const tabB = { ...buildPlan(), triggers: [], copingStrategies: [] };
    expect((await person.agent.put(PLAN, { content: tabA, baseVersion: 1 })).status).toBe(200);
    const stale = await person.agent.put(PLAN, { content: tabB, baseVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('CONFLICT');
    expect(stale.body.error.fields).toEqual([{ path: 'body.baseVersion', message: 'The latest version is 2' }]);
    expect((await person.agent.get(PLAN)).body).toMatchObject({ version: 2, content: tabA });
    // Ahead of the latest is just as wrong, and so is 0 once a plan exists.
    expect((await person.agent.put(PLAN, { content: tabB, baseVersion: 7 })).status).toBe(409);
    expect((await person.agent.put(PLAN, { content: tabB, baseVersion: 0 })).status).toBe(409);
    expect(await rowsOf(person.id)).toHaveLength(2);
  });

  it('lets only one of two simultaneous saves from the same base win', async () => {
    const person = await buildPerson(t);
    const results = await Promise.all(
      ['a', 'b', 'c'].map((suffix) =>
        person.agent.put(PLAN, {
          content: { ...EMPTY_PLAN, copingStrategies: [{ id: suffix, text: `Breathe ${suffix}` }] },
          baseVersion: 0,
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    expect(await rowsOf(person.id)).toHaveLength(1);
  });

  it('makes no new version when nothing changed', async () => {
    const person = await buildPerson(t);
    await person.agent.put(PLAN, { content: buildPlan(), baseVersion: 0 });
    const again = await person.agent.put(PLAN, { content: buildPlan(), baseVersion: 1 });
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(1);
    expect(await rowsOf(person.id)).toHaveLength(1);
  });

  it('accepts every life domain and status, trims text, and clears a target date with null', async () => {
    const person = await buildPerson(t);
    const goals = LIFE_DOMAINS.map((domain, i) => ({
      id: `goal-${i}`,
      domain,
      title: `  Goal ${i}  `,
      steps: [],
      targetDate: i === 0 ? null : '2028-02-29',
      status: (['not_started', 'in_progress', 'done', 'paused'] as const)[i % 4],
    }));
    const response = await person.agent.put(PLAN, { content: { ...EMPTY_PLAN, goals }, baseVersion: 0 });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.content.goals).toHaveLength(LIFE_DOMAINS.length);
    expect(response.body.content.goals[1].title).toBe('Goal 1');
    expect(response.body.content.goals[0].targetDate).toBeNull();
  });

  it('refuses broken plans with a 400 naming the field, and writes nothing', async () => {
    const person = await buildPerson(t);
    const withPlan = (change: (plan: ReturnType<typeof buildPlan>) => unknown) => {
      const plan = buildPlan();
      // A change either edits the plan in place or returns a replacement object.
      const changed = change(plan);
      return { content: typeof changed === 'object' && changed !== null ? changed : plan, baseVersion: 0 };
    };
    const cases: [unknown, string][] = [
      [withPlan((p) => (p.triggers[0] as { copingIds: string[] }).copingIds.push('nope')), 'body.content.triggers.0.copingIds.2'],
      [withPlan((p) => p.goals.push({ ...(p.goals[1] as (typeof p.goals)[1]) })), 'body.content.goals.2.id'],
      [withPlan((p) => p.copingStrategies.push({ id: 'c1', text: 'Again' })), 'body.content.copingStrategies.2.id'],
      [withPlan((p) => ((p.goals[0] as { domain: string }).domain = 'crypto')), 'body.content.goals.0.domain'],
      [withPlan((p) => ((p.goals[0] as { status: string }).status = 'abandoned')), 'body.content.goals.0.status'],
      [withPlan((p) => ((p.goals[0] as { targetDate: string }).targetDate = '2027-02-30')), 'body.content.goals.0.targetDate'],
      [withPlan((p) => ((p.goals[0] as { targetDate: string }).targetDate = 'next spring')), 'body.content.goals.0.targetDate'],
      [withPlan((p) => ((p.goals[0] as { title: string }).title = 'x'.repeat(PLAN_LIMITS.textMax + 1))), 'body.content.goals.0.title'],
      [withPlan((p) => ((p.goals[0] as { title: string }).title = '   ')), 'body.content.goals.0.title'],
      [
        withPlan((p) => {
          const goal = p.goals[0] as { steps: unknown[] };
          goal.steps = Array.from({ length: PLAN_LIMITS.stepsPerGoal + 1 }, (_, i) => ({ id: `s${i}`, text: 'Step', done: false }));
        }),
        'body.content.goals.0.steps',
      ],
      [withPlan((p) => ({ ...p, goals: Array.from({ length: PLAN_LIMITS.goals + 1 }, () => p.goals[1]) })), 'body.content.goals'],
      [withPlan((p) => ((p.supportPeople[0] as { phone: string }).phone = 'call me maybe')), 'body.content.supportPeople.0.phone'],
      [withPlan((p) => ({ ...p, notes: 'extra' })), 'body.content'],
      [{ content: buildPlan() }, 'body.baseVersion'],
      [{ content: buildPlan(), baseVersion: -1 }, 'body.baseVersion'],
      [{ content: buildPlan(), baseVersion: 1.5 }, 'body.baseVersion'],
      [{ baseVersion: 0 }, 'body.content'],
    ];
    for (const [body, path] of cases) {
      const response = await person.agent.put(PLAN, body);
      expect(response.status, path).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
      expect(
        response.body.error.fields.map((f: { path: string }) => f.path),
        path,
      ).toContain(path);
    }
    expect(await rowsOf(person.id)).toHaveLength(0);
  });

  it('needs a signed-in person', async () => {
    expect((await createAgent(t.app).put(PLAN, { content: EMPTY_PLAN, baseVersion: 0 })).status).toBe(401);
  });
});

describe('GET /api/me/plan/versions and /versions/:version', () => {
  it('lists versions newest first with what each changed, and returns any earlier version', async () => {
    const person = await buildPerson(t);
    const plan = buildPlan();
    await person.agent.put(PLAN, { content: plan, baseVersion: 0 });
    (plan.goals[0] as { status: string }).status = 'done';
    plan.goals.push({ id: 'g3', domain: 'finances', title: 'Open a savings account', steps: [], status: 'not_started' });
    await person.agent.put(PLAN, { content: plan, baseVersion: 1 });
    plan.supportPeople = [];
    plan.triggers = [];
    await person.agent.put(PLAN, { content: plan, baseVersion: 2 });

    const history = await person.agent.get(`${PLAN}/versions`);
    expect(history.status).toBe(200);
    expect(history.body.nextBefore).toBeNull();
    expect(history.body.versions).toEqual([
      {
        version: 3,
        createdAt: expect.any(String),
        summary: 'Triggers: 1 removed; Support people: 1 removed',
        changes: [
          { section: 'triggers', added: 0, removed: 1, changed: 0 },
          { section: 'supportPeople', added: 0, removed: 1, changed: 0 },
        ],
      },
      {
        version: 2,
        createdAt: expect.any(String),
        summary: 'Goals: 1 added, 1 changed',
        changes: [{ section: 'goals', added: 1, removed: 0, changed: 1 }],
      },
      { version: 1, createdAt: expect.any(String), summary: 'First version', changes: [] },
    ]);

    const first = await person.agent.get(`${PLAN}/versions/1`);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ version: 1, createdAt: expect.any(String), content: buildPlan() });
    expect((await person.agent.get(`${PLAN}/versions/4`)).status).toBe(404);
  });

  it('pages through a long history with nextBefore', async () => {
    const person = await buildPerson(t);
    // Written directly: 55 saves over HTTP would only slow the test down.
    await t.database.db.insert(recoveryPlanVersions).values(
      Array.from({ length: 55 }, (_, i) => ({
        userId: person.id,
        version: i + 1,
        content: { ...EMPTY_PLAN, copingStrategies: [{ id: `c${i}`, text: `Idea ${i}` }] },
      })),
    );
    const page = await person.agent.get(`${PLAN}/versions`);
    expect(page.body.versions).toHaveLength(50);
    expect(page.body.versions[0].version).toBe(55);
    expect(page.body.versions[49]).toMatchObject({ version: 6, summary: 'Coping strategies: 1 added, 1 removed' });
    expect(page.body.nextBefore).toBe(6);
    const rest = await person.agent.get(`${PLAN}/versions?before=6`);
    expect(rest.body.versions.map((v: { version: number }) => v.version)).toEqual([5, 4, 3, 2, 1]);
    expect(rest.body.versions[4].summary).toBe('First version');
    expect(rest.body.nextBefore).toBeNull();
  });

  it('shows nobody else’s versions, and refuses malformed version numbers', async () => {
    const owner = await buildPerson(t);
    const other = await buildPerson(t);
    await owner.agent.put(PLAN, { content: buildPlan(), baseVersion: 0 });
    expect((await other.agent.get(`${PLAN}/versions`)).body).toEqual({ versions: [], nextBefore: null });
    expect((await other.agent.get(`${PLAN}/versions/1`)).status).toBe(404);
    for (const bad of ['0', '-1', '1.5', 'one', '99999999999']) {
      const response = await other.agent.get(`${PLAN}/versions/${bad}`);
      expect(response.status, bad).toBe(400);
      expect(response.body.error.fields[0].path).toBe('params.version');
    }
    expect((await other.agent.get(`${PLAN}/versions?before=zero`)).status).toBe(400);
    expect((await other.agent.get(`${PLAN}/versions?page=2`)).status).toBe(400);
  });

  it('needs a signed-in person', async () => {
    expect((await createAgent(t.app).get(`${PLAN}/versions`)).status).toBe(401);
    expect((await createAgent(t.app).get(`${PLAN}/versions/1`)).status).toBe(401);
  });
});

describeRecordMatrix({
  name: 'GET /api/people/:id/plan',
  app: () => t,
  scope: 'plan',
  url: (id) => `/api/people/${id}/plan`,
  fill: async (subject) => {
    expect((await subject.agent.put(PLAN, { content: buildPlan(), baseVersion: 0 })).status).toBe(200);
  },
  expectRecord: (body) => {
    expect(body).toMatchObject({ version: 1, content: buildPlan() });
  },
});

describe('GET /api/people/:id/plan, other cases', () => {
  it('gives a grantee an empty plan when none is written yet (still logged)', async () => {
    const subject = await buildPerson(t);
    const grantee = await buildPerson(t);
    await subject.agent.post('/api/me/grants', { granteeId: grantee.id, scopes: ['plan'], purpose: 'Coaching' });
    const response = await grantee.agent.get(`/api/people/${subject.id}/plan`);
    expect(response.body).toEqual({ version: 0, createdAt: null, content: EMPTY_PLAN, access: { via: 'grant', until: null } });
    expect((await subject.agent.get('/api/me/access-log')).body.entries).toHaveLength(1);
  });

  it('is 404 for a disabled account, even to a grantee', async () => {
    const subject = await buildPerson(t);
    const grantee = await buildPerson(t);
    await subject.agent.post('/api/me/grants', { granteeId: grantee.id, scopes: ['plan'], purpose: 'Coaching' });
    expect((await admin.agent.post(`/api/admin/people/${subject.id}/disable`)).status).toBe(200);
    expect((await grantee.agent.get(`/api/people/${subject.id}/plan`)).status).toBe(404);
  });
});
