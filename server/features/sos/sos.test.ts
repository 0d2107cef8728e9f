import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../db/schema/mail.ts';
import { notifications } from '../../db/schema/notifications.ts';
import { sosEvents } from '../../db/schema/sos.ts';
import { createAgent } from '../../test/agent.ts';
import { buildPerson, PASSWORD, type Person, setUpOrganization } from '../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await setUpOrganization(t);
});
afterAll(async () => t.close());

const db = () => t.database.db;
async function grant(from: Person, to: Person, scopes: string[]) {
  const response = await from.agent.post('/api/me/grants', { granteeId: to.id, scopes, purpose: 'Support in a hard moment' });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id as string;
}

describe('POST /api/sos', () => {
  it('with nobody chosen: records the press, alerts nobody, and gives the crisis lines', async () => {
    const member = await buildPerson(t);
    const response = await member.agent.post('/api/sos');
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.any(String),
      at: expect.any(String),
      alerted: 0,
      crisisLines: [{ name: '988 Lifeline', phone: '988' }],
    });
    expect(await db().select().from(sosEvents).where(eq(sosEvents.userId, member.id))).toHaveLength(1);
  });

  it('alerts exactly the people holding an active sos grant, in the app and by a neutral email', async () => {
    const member = await buildPerson(t, { alias: 'Sos River' });
    const ally = await buildPerson(t, { roles: ['ally'] });
    const coach = await buildPerson(t, { roles: ['coach'] });
    const notSos = await buildPerson(t, { roles: ['ally'] });
    const revoked = await buildPerson(t, { roles: ['ally'] });
    await grant(member, ally, ['sos']);
    await grant(member, coach, ['checkins.summary', 'sos']);
    await grant(member, notSos, ['checkins.summary', 'clock']);
    const revokedId = await grant(member, revoked, ['sos']);
    expect((await member.agent.post(`/api/me/grants/${revokedId}/revoke`)).status).toBe(200);

    const response = await member.agent.post('/api/sos');
    expect(response.body.alerted).toBe(2);
    for (const person of [ally, coach]) {
      const inApp = await db().select().from(notifications).where(eq(notifications.userId, person.id));
      expect(inApp).toEqual([expect.objectContaining({ kind: 'sos', title: 'Sos River pressed SOS', link: `/people/${member.id}` })]);
      const emails = await db().select().from(outbox).where(eq(outbox.to, person.email));
      expect(emails).toHaveLength(1);
      expect(emails[0]?.text).not.toContain('Sos River');
    }
    for (const person of [notSos, revoked]) {
      expect(await db().select().from(notifications).where(eq(notifications.userId, person.id))).toEqual([]);
      expect(await db().select().from(outbox).where(eq(outbox.to, person.email))).toEqual([]);
    }
    // The ally sees it in their notification centre.
    const centre = await ally.agent.get('/api/me/notifications');
    expect(centre.status).toBe(200);
    expect(centre.body.notifications).toEqual([expect.objectContaining({ kind: 'sos', title: 'Sos River pressed SOS' })]);
  });

  it('is for members: 401 signed out, 404 for an ally without the member role', async () => {
    expect((await createAgent(t.app).post('/api/sos')).status).toBe(401);
    const ally = await buildPerson(t, { roles: ['ally'] });
    expect((await ally.agent.post('/api/sos')).status).toBe(404);
    expect((await ally.agent.get('/api/sos/mine')).status).toBe(404);
  });
});

describe('GET /api/sos/recipients', () => {
  it('counts exactly the people a press would alert: none at first, then each active sos grant', async () => {
    const member = await buildPerson(t);
    expect((await member.agent.get('/api/sos/recipients')).body).toEqual({ count: 0 });
    const ally = await buildPerson(t, { roles: ['ally'] });
    const notSos = await buildPerson(t, { roles: ['ally'] });
    const revoked = await buildPerson(t, { roles: ['ally'] });
    await grant(member, notSos, ['clock']);
    expect((await member.agent.get('/api/sos/recipients')).body).toEqual({ count: 0 });
    await grant(member, ally, ['sos']);
    const revokedId = await grant(member, revoked, ['sos']);
    expect((await member.agent.get('/api/sos/recipients')).body).toEqual({ count: 2 });
    await member.agent.post(`/api/me/grants/${revokedId}/revoke`);
    expect((await member.agent.get('/api/sos/recipients')).body).toEqual({ count: 1 });
    expect((await member.agent.post('/api/sos')).body.alerted).toBe(1);
    expect((await createAgent(t.app).get('/api/sos/recipients')).status).toBe(401);
  });
});

describe('GET /api/sos/mine, export and deletion', () => {
  it('lists only my own presses, newest first; they are in my export and erased with my account', async () => {
    const member = await buildPerson(t);
    const other = await buildPerson(t);
    const first = (await member.agent.post('/api/sos')).body;
    const second = (await member.agent.post('/api/sos')).body;
    await other.agent.post('/api/sos');
    const mine = await member.agent.get('/api/sos/mine');
    expect(mine.body).toEqual({
      presses: [
        { id: second.id, at: second.at },
        { id: first.id, at: first.at },
      ],
    });

    const exported = await member.agent.get('/api/me/export');
    expect(exported.body.sosPresses).toEqual([{ at: first.at }, { at: second.at }]);

    const deleted = await member.agent.post('/api/me/delete-account', { password: PASSWORD, confirm: 'DELETE' });
    expect(deleted.status).toBe(200);
    expect(deleted.body.erased).toContainEqual({ what: 'SOS presses', count: 2 });
    expect(await db().select().from(sosEvents).where(eq(sosEvents.userId, member.id))).toEqual([]);
    expect(await db().select().from(sosEvents).where(eq(sosEvents.userId, other.id))).toHaveLength(1);
  });
});

describe('rate limit', () => {
  it('refuses an eleventh press within ten minutes (429), still a 4xx', async () => {
    const limited = await buildTestApp({ rateLimitMultiplier: 1 });
    try {
      await setUpOrganization(limited);
      const member = await buildPerson(limited);
      for (let i = 0; i < 10; i++) expect((await member.agent.post('/api/sos')).status).toBe(201);
      expect((await member.agent.post('/api/sos')).status).toBe(429);
    } finally {
      await limited.close();
    }
  });
});
