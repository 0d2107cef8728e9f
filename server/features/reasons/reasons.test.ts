import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REASON_LIMITS } from '../../../shared/contracts/reasons.ts';
import { reasons } from '../../db/schema/reasons.ts';
import { createAgent } from '../../test/agent.ts';
import { buildPerson, type Person, setUpOrganization } from '../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await setUpOrganization(t);
});
afterAll(async () => t.close());

const MINE = ['My daughter Ana', 'Waking up without shame', 'Being there for my friends'];

async function rowsOf(person: Person) {
  return t.database.db
    .select({ text: reasons.text, position: reasons.position })
    .from(reasons)
    .where(eq(reasons.userId, person.id))
    .orderBy(asc(reasons.position));
}

describe('GET /api/me/reasons', () => {
  it('is an empty list at first, and private (no-store)', async () => {
    const member = await buildPerson(t);
    const response = await member.agent.get('/api/me/reasons');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ reasons: [] });
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('needs a signed-in person', async () => {
    expect((await createAgent(t.app).get('/api/me/reasons')).status).toBe(401);
  });
});

describe('PUT /api/me/reasons', () => {
  let member: Person;
  beforeAll(async () => {
    member = await buildPerson(t);
  });

  it('saves the list in the member’s order, trimmed', async () => {
    const response = await member.agent.put('/api/me/reasons', { reasons: ['  My daughter Ana ', ...MINE.slice(1)] });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ reasons: MINE });
    expect((await member.agent.get('/api/me/reasons')).body).toEqual({ reasons: MINE });
    expect(await rowsOf(member)).toEqual(MINE.map((text, position) => ({ text, position })));
  });

  it('replaces the whole list: reordered, removed and new items', async () => {
    const next = ['Being there for my friends', 'Finishing my nursing degree'];
    const response = await member.agent.put('/api/me/reasons', { reasons: next });
    expect(response.body).toEqual({ reasons: next });
    expect(await rowsOf(member)).toEqual(next.map((text, position) => ({ text, position })));
  });

  it('keeps duplicates if the member writes them twice (their list, their words)', async () => {
    const response = await member.agent.put('/api/me/reasons', { reasons: ['Me', 'Me'] });
    expect(response.body).toEqual({ reasons: ['Me', 'Me'] });
  });

  it('takes the full 20 items of 200 characters, and an empty list clears it', async () => {
    const full = Array.from({ length: REASON_LIMITS.itemsMax }, (_, i) => `${i}`.padEnd(REASON_LIMITS.textMax, 'x'));
    expect((await member.agent.put('/api/me/reasons', { reasons: full })).body.reasons).toEqual(full);
    const cleared = await member.agent.put('/api/me/reasons', { reasons: [] });
    expect(cleared.body).toEqual({ reasons: [] });
    expect(await rowsOf(member)).toEqual([]);
  });

  it('refuses bad lists with a 400 naming the field, and leaves the saved list as it was', async () => {
    await member.agent.put('/api/me/reasons', { reasons: MINE });
    const cases: [unknown, string][] = [
      [{ reasons: Array.from({ length: 21 }, (_, i) => `Reason ${i}`) }, 'body.reasons'],
      [{ reasons: ['fine', 'x'.repeat(201)] }, 'body.reasons.1'],
      [{ reasons: ['fine', '   '] }, 'body.reasons.1'],
      [{ reasons: [''] }, 'body.reasons.0'],
      [{ reasons: ['fine', 42] }, 'body.reasons.1'],
      [{ reasons: 'My daughter' }, 'body.reasons'],
      [{}, 'body.reasons'],
    ];
    for (const [body, path] of cases) {
      const response = await member.agent.put('/api/me/reasons', body);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
      expect(response.body.error.fields.map((f: { path: string }) => f.path)).toContain(path);
    }
    const extra = await member.agent.put('/api/me/reasons', { reasons: ['ok'], sharedWith: 'everyone' });
    expect(extra.status).toBe(400);
    expect((await member.agent.get('/api/me/reasons')).body).toEqual({ reasons: MINE });
  });

  it('saves at once leave one list whole, never a mix of them', async () => {
    // Several rounds of several devices saving together: without the per-member lock, PostgreSQL
    // (READ COMMITTED) lets a delete miss rows another save has just inserted, leaving a union.
    for (let round = 0; round < 5; round++) {
      const lists = Array.from({ length: 6 }, (_, i) => [`R${round} list ${i} first`, `R${round} list ${i} second`]);
      const replies = await Promise.all(lists.map((list) => member.agent.put('/api/me/reasons', { reasons: list })));
      expect(replies.map((r) => r.status)).toEqual(lists.map(() => 200));
      const saved = (await rowsOf(member)).map((row) => row.text);
      expect(lists).toContainEqual(saved);
    }
  });
});

describe('reasons are never shared', () => {
  it('each person reads only their own list, and there is no route to anyone else’s', async () => {
    const owner = await buildPerson(t);
    const other = await buildPerson(t);
    await owner.agent.put('/api/me/reasons', { reasons: MINE });
    // Even a grant of every scope there is does not reach reasons.
    const granted = await owner.agent.post('/api/me/grants', {
      granteeId: other.id,
      scopes: ['profile', 'clock', 'checkins.summary', 'checkins.detail', 'plan', 'safety_plan', 'assessments', 'sos'],
      purpose: 'Everything I can share',
    });
    expect(granted.status).toBe(201);
    expect((await other.agent.get('/api/me/reasons')).body).toEqual({ reasons: [] });
    expect((await other.agent.get(`/api/people/${owner.id}/reasons`)).status).toBe(404);
    expect((await other.agent.get(`/api/people/${randomUUID()}/reasons`)).status).toBe(404);
    const clocks = await other.agent.get(`/api/people/${owner.id}/clocks`);
    expect(clocks.status).toBe(200);
    expect(JSON.stringify(clocks.body)).not.toContain('My daughter Ana');
  });
});
