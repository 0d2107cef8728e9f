import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_PAGE_SIZE } from '../../../shared/contracts/admin.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { createAgent } from '../../test/agent.ts';
import { buildPerson, type Person, setUpOrganization } from '../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let admin: Person;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await setUpOrganization(t);
  // Events of last spring, then a long run of recent ones: an old event must still be found.
  await t.database.db.insert(auditLog).values([
    { event: 'grant.created', at: new Date('2026-04-02T10:00:00Z'), detail: { scopes: ['clock'] } },
    { event: 'signin.failure', at: new Date('2026-04-03T10:00:00Z') },
    { event: 'guide.updated', at: new Date('2026-04-20T10:00:00Z') },
  ]);
  await t.database.db
    .insert(auditLog)
    .values(Array.from({ length: AUDIT_PAGE_SIZE + 10 }, (_, i) => ({ event: 'signout', at: new Date(Date.UTC(2026, 10, 1, 0, i)) })));
});
afterAll(async () => t.close());

type Page = { events: { id: string; event: string; at: string }[]; next: string | null };
const list = async (query = '') => {
  const response = await admin.agent.get(`/api/admin/audit${query}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as Page;
};

describe('GET /api/admin/audit', () => {
  it('pages newest first: each page at most the page size, the next one starting below it, none repeated', async () => {
    const seen: string[] = [];
    let page = await list();
    expect(page.events).toHaveLength(AUDIT_PAGE_SIZE);
    while (true) {
      seen.push(...page.events.map((e) => e.id));
      if (!page.next) break;
      page = await list(`?before=${page.next}`);
    }
    expect(new Set(seen).size).toBe(seen.length);
    const ids = seen.map(Number);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(seen.length).toBeGreaterThan(AUDIT_PAGE_SIZE + 10);
  });

  it('filters by area or exact event in the database, however old the event', async () => {
    const grants = await list('?kind=grant');
    expect(grants.events.map((e) => e.event)).toEqual(['grant.created']);
    const signins = await list('?kind=signin');
    expect(signins.events.length).toBeGreaterThan(0);
    expect(signins.events.every((e) => e.event.startsWith('signin.'))).toBe(true);
    const failures = await list('?kind=signin.failure');
    expect(failures.events.map((e) => e.event)).toEqual(['signin.failure']);
    // A bare area matches itself, not a longer name that starts the same way.
    const signouts = await list('?kind=signout');
    expect(signouts.events.every((e) => e.event === 'signout')).toBe(true);
    expect(signouts.next).not.toBeNull();
  });

  it('filters by period: from inclusive, to exclusive', async () => {
    const april = await list(`?from=${encodeURIComponent('2026-04-01T00:00:00Z')}&to=${encodeURIComponent('2026-04-20T10:00:00Z')}`);
    expect(april.events.map((e) => e.event)).toEqual(['signin.failure', 'grant.created']);
    expect(april.next).toBeNull();
    const withOffset = await list(`?kind=guide&from=${encodeURIComponent('2026-04-20T12:00:00+02:00')}`);
    expect(withOffset.events.map((e) => e.event)).toEqual(['guide.updated']);
  });

  it('refuses an unknown kind, a reversed period and a bad page marker with 400; admins only', async () => {
    for (const query of [
      '?kind=signin.%25',
      '?kind=nothing',
      '?from=2026-05-01T00:00:00Z&to=2026-04-01T00:00:00Z',
      '?from=yesterday',
      '?before=0',
      '?before=abc',
      '?limit=5',
    ]) {
      expect((await admin.agent.get(`/api/admin/audit${query}`)).status, query).toBe(400);
    }
    const member = await buildPerson(t);
    expect((await member.agent.get('/api/admin/audit')).status).toBe(404);
    expect((await createAgent(t.app).get('/api/admin/audit')).status).toBe(401);
  });
});
