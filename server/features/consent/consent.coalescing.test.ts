import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessLog } from '../../db/schema/consent.ts';
import { buildPerson, type Person, setUpOrganization } from '../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../test/harness.ts';
import { accessLogOf, actorFor, grant, REASON } from './consent.fixtures.ts';
import { ACCESS_LOG_COALESCE_MINUTES, logAccess, logAccesses } from './consent.policy.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  // An organization with its first admin, as every suite has; the readers below are built on it.
  await setUpOrganization(t);
});
afterAll(async () => t.close());

describe('the access log: repeated reads through the same grant within minutes are one row (decision 006)', () => {
  const MINUTE = 60_000;
  const WINDOW = ACCESS_LOG_COALESCE_MINUTES * MINUTE;
  let subject: Person;
  let reader: Person;
  let grantId: string;
  const rowsOf = (person: Person) => t.database.db.select().from(accessLog).where(eq(accessLog.subjectId, person.id)).orderBy(accessLog.id);

  beforeAll(async () => {
    subject = await buildPerson(t);
    reader = await buildPerson(t, { roles: ['coach'] });
    grantId = (await grant(subject, reader, { scopes: ['profile', 'clock'], purpose: 'Daily support' })).id;
  });

  it('a second read of the same profile right after the first adds no row', async () => {
    expect((await reader.agent.get(`/api/people/${subject.id}/profile`)).status).toBe(200);
    expect((await reader.agent.get(`/api/people/${subject.id}/profile`)).status).toBe(200);
    const rows = await rowsOf(subject);
    expect(rows.map((r) => [r.actorId, r.scope, r.grantId, r.breakGlass])).toEqual([[reader.id, 'profile', grantId, false]]);
    expect((await accessLogOf(subject)).entries).toHaveLength(1);
  });

  it('logs again once the window has passed since the last row, and never within it', async () => {
    const other = await buildPerson(t);
    const { id } = await grant(other, reader, { purpose: 'Daily support' });
    const access = { via: 'grant' as const, grantId: id, purpose: 'Daily support', until: null };
    const log = (at: number) => logAccess(t.database.db, actorFor(reader, ['coach']), other.id, 'profile', access, new Date(at));
    const start = Date.now();
    await log(start);
    await log(start + WINDOW - 1000);
    expect(await rowsOf(other)).toHaveLength(1);
    await log(start + WINDOW + 1000);
    await log(start + WINDOW + 5 * MINUTE);
    const rows = await rowsOf(other);
    expect(rows.map((r) => r.at.getTime())).toEqual([start, start + WINDOW + 1000]);
  });

  it('a different scope, a different reader or a new grant each get their own row', async () => {
    const before = (await rowsOf(subject)).length;
    expect((await reader.agent.get(`/api/people/${subject.id}/clocks`)).status).toBe(200);
    const second = await buildPerson(t, { roles: ['coach'] });
    await grant(subject, second, { purpose: 'Peer coaching' });
    expect((await second.agent.get(`/api/people/${subject.id}/profile`)).status).toBe(200);
    // Revoked and granted again: reads through the new grant are new reads.
    expect((await subject.agent.post(`/api/me/grants/${grantId}/revoke`)).status).toBe(200);
    const renewed = await grant(subject, reader, { purpose: 'Renewed support' });
    expect((await reader.agent.get(`/api/people/${subject.id}/profile`)).status).toBe(200);
    const rows = (await rowsOf(subject)).slice(before);
    expect(rows.map((r) => [r.actorId, r.scope, r.grantId])).toEqual([
      [reader.id, 'clock', grantId],
      [second.id, 'profile', expect.any(String)],
      [reader.id, 'profile', renewed.id],
    ]);
  });

  it('always logs break-glass reads, each one', async () => {
    const member = await buildPerson(t);
    const supervisor = await buildPerson(t, { roles: ['supervisor'] });
    const opened = await supervisor.agent.post('/api/break-glass', { subjectId: member.id, reason: REASON });
    expect(opened.status).toBe(201);
    for (let i = 0; i < 3; i++) expect((await supervisor.agent.get(`/api/people/${member.id}/profile`)).status).toBe(200);
    const rows = await rowsOf(member);
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.breakGlass && r.breakGlassId === opened.body.id && r.grantId === null)).toBe(true);
  });

  it('always logs reads a role permits, and collapses repeats within one batch', async () => {
    const member = await buildPerson(t);
    const supervisor = actorFor(await buildPerson(t, { roles: ['supervisor'] }), ['supervisor']);
    const role = { via: 'role' as const, purpose: 'Supervision' };
    await logAccess(t.database.db, supervisor, member.id, 'coaching_notes', role);
    await logAccess(t.database.db, supervisor, member.id, 'coaching_notes', role);
    expect(await rowsOf(member)).toHaveLength(2);

    const { id } = await grant(member, reader, { scopes: ['profile', 'clock'], purpose: 'Daily support' });
    const access = { via: 'grant' as const, grantId: id, purpose: 'Daily support', until: null };
    await logAccesses(t.database.db, actorFor(reader, ['coach']), [
      { subjectId: member.id, scope: 'profile', access },
      { subjectId: member.id, scope: 'profile', access },
      { subjectId: member.id, scope: 'clock', access },
    ]);
    const granted = (await rowsOf(member)).filter((r) => r.actorId === reader.id);
    expect(granted.map((r) => r.scope).sort()).toEqual(['clock', 'profile']);
  });
});
