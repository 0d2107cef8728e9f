import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import type { FastifyZod } from '../http.ts';
import { createAgent } from './agent.ts';
import { setUpOrganization } from './factories.ts';
import { buildTestApp, type TestApp } from './harness.ts';

/**
 * Two app instances on one database behave as one: each has its own caches and counters in memory,
 * as two processes would (with DATABASE_URL, the same PostgreSQL database; otherwise PGlite).
 */

let a: TestApp;
let b: FastifyZod;
beforeAll(async () => {
  a = await buildTestApp({ rateLimitMultiplier: 1 });
  b = await buildApp({
    database: a.database,
    logger: false,
    rateLimitMultiplier: 1,
    config: { publicUrl: 'http://localhost:3000', smtpUrl: null, production: false },
  });
  await b.ready();
});
afterAll(async () => {
  await b.close();
  await a.close();
});

async function waitFor(check: () => Promise<boolean>, withinMs: number) {
  const until = Date.now() + withinMs;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return check();
}

describe('two app instances on one database', () => {
  it('agree on the organization settings as soon as one changes them', async () => {
    const admin = await setUpOrganization(a);
    const onB = createAgent(b);
    // B caches the organization as it is now.
    expect((await onB.get('/api/session')).body.organization.name).toBe('Harbor Recovery Community');
    const changed = await admin.agent.patch('/api/admin/settings', { name: 'Harbor Renamed', openSignup: true });
    expect(changed.status).toBe(200);
    // Well inside the 5 seconds a copy used to be trusted for.
    expect(await waitFor(async () => (await onB.get('/api/session')).body.organization.name === 'Harbor Renamed', 1_000)).toBe(true);
    expect((await onB.get('/api/session')).body.organization.openSignup).toBe(true);
  });

  // PGlite serves one process, so its limits stay in memory (app.ts): only PostgreSQL shares them.
  it.skipIf(!process.env.DATABASE_URL)('share one per-IP limit: attempts through either count together', async () => {
    const attempt = (app: FastifyZod, i: number) =>
      createAgent(app).post('/api/auth/sign-in', { email: `shared-limit-${i}@example.org`, password: 'wrong password here' });
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await attempt(i % 2 === 0 ? a.app : b, i)).status);
    expect(statuses.every((status) => status === 401)).toBe(true);
    const blockedOnA = await attempt(a.app, 20);
    const blockedOnB = await attempt(b, 21);
    expect(blockedOnA.status).toBe(429);
    expect(blockedOnB.status).toBe(429);
    expect(Number(blockedOnB.headers['retry-after'])).toBeGreaterThan(0);
    expect(blockedOnB.headers['x-ratelimit-remaining']).toBe('0');
  });

  it("count the finder's read limit in each instance (decision 009: no database write per search)", async () => {
    const remaining = async (app: FastifyZod) =>
      Number((await app.inject({ method: 'GET', url: '/api/meetings/facets' })).headers['x-ratelimit-remaining']);
    const first = await remaining(a.app);
    expect(await remaining(a.app)).toBe(first - 1);
    expect(await remaining(b)).toBe(first);
  });
});
