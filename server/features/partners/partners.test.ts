import { and, eq, inArray } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit.ts';
import { accessLog, consentGrants } from '../../db/schema/consent.ts';
import { notifications } from '../../db/schema/notifications.ts';
import { partnerships } from '../../db/schema/partners.ts';
import { createAgent } from '../../test/agent.ts';
import { buildPerson, type Person, setUpOrganization } from '../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await setUpOrganization(t);
});
afterAll(async () => t.close());

const NOT_FOUND = { error: { code: 'NOT_FOUND', message: 'Not found' } };
const clocksOf = (reader: Person, subject: Person) => reader.agent.get(`/api/people/${subject.id}/clocks`);
const summaryOf = (reader: Person, subject: Person) => reader.agent.get(`/api/people/${subject.id}/checkins/summary`);

async function fill(person: Person) {
  const startedAt = DateTime.now().setZone('America/Chicago').minus({ days: 45 }).toISO();
  expect((await person.agent.post('/api/me/clocks', { label: 'Alcohol', kind: 'abstinence', startedAt })).status).toBe(201);
  const today = DateTime.now().setZone('America/Chicago').toISODate();
  expect((await person.agent.put(`/api/me/checkins/${today}`, { mood: 4, craving: 2, used: 'no', note: 'private note' })).status).toBe(201);
}

async function invite(from: Person, to: Person, scopes: string[] = ['checkins.summary', 'clock'], message?: string) {
  return from.agent.post('/api/partners', { inviteeAlias: to.alias.toUpperCase(), scopes, ...(message ? { message } : {}) });
}

describe('accountability partners: the whole flow over HTTP', () => {
  it('invite → accept with my own scopes → each reads what the other chose → nudges → end hides everything at once', async () => {
    const ana = await buildPerson(t, { alias: 'Ana Partner' });
    const ben = await buildPerson(t, { alias: 'Ben Partner' });
    await fill(ana);
    await fill(ben);

    const invited = await invite(ana, ben, ['checkins.summary', 'clock'], 'Want to keep each other going?');
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    expect(invited.body).toMatchObject({
      status: 'invited',
      invitedByMe: true,
      partner: { id: ben.id, alias: 'Ben Partner' },
      myScopes: ['checkins.summary', 'clock'],
      theirScopes: null,
    });
    const id = invited.body.id;
    const [notice] = await t.database.db.select().from(notifications).where(eq(notifications.userId, ben.id));
    expect(notice).toMatchObject({ kind: 'partner', link: '/partners' });
    expect(notice?.title).toContain('Ana Partner');
    expect(notice?.body).toContain('Want to keep each other going?');

    const bens = await ben.agent.get('/api/partners');
    expect(bens.body.invitationsToMe).toHaveLength(1);
    expect(bens.body.invitationsToMe[0]).toMatchObject({
      id,
      invitedByMe: false,
      theirScopes: ['checkins.summary', 'clock'],
      myScopes: null,
    });
    expect((await ana.agent.get('/api/partners')).body.invitedByMe[0].id).toBe(id);

    // Nothing is shared before acceptance.
    expect((await clocksOf(ben, ana)).body).toEqual(NOT_FOUND);
    expect((await summaryOf(ana, ben)).status).toBe(404);
    // Only the invitee accepts; nudges wait for acceptance.
    expect((await ana.agent.post(`/api/partners/${id}/accept`, { scopes: ['clock'] })).status).toBe(404);
    expect((await ana.agent.post(`/api/partners/${id}/nudge`)).status).toBe(409);

    const accepted = await ben.agent.post(`/api/partners/${id}/accept`, { scopes: ['clock'] });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'active', myScopes: ['clock'], theirScopes: ['checkins.summary', 'clock'] });
    expect((await ben.agent.post(`/api/partners/${id}/accept`, { scopes: ['clock'] })).status).toBe(409);

    const grants = await t.database.db
      .select()
      .from(consentGrants)
      .where(inArray(consentGrants.grantorId, [ana.id, ben.id]));
    expect(grants).toHaveLength(2);
    expect(grants.every((g) => g.purpose === 'Accountability partner' && g.revokedAt === null)).toBe(true);
    expect(grants.find((g) => g.grantorId === ana.id)?.scopes.sort()).toEqual(['checkins.summary', 'clock']);
    expect(grants.find((g) => g.grantorId === ben.id)?.scopes).toEqual(['clock']);
    const created = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.event, 'grant.created'), inArray(auditLog.actorId, [ana.id, ben.id])));
    expect(created).toHaveLength(2);
    const inviterNotice = await t.database.db.select().from(notifications).where(eq(notifications.userId, ana.id));
    expect(inviterNotice.map((n) => n.kind)).toEqual(['partner']);

    // Ben reads both of Ana's scopes; Ana reads Ben's clock but not his check-ins (he did not share them).
    const anaClocks = await clocksOf(ben, ana);
    expect(anaClocks.status).toBe(200);
    expect(anaClocks.body.access.via).toBe('grant');
    expect(JSON.stringify(anaClocks.body)).toContain('Alcohol');
    const anaSummary = await summaryOf(ben, ana);
    expect(anaSummary.status).toBe(200);
    expect(anaSummary.body.checkedInToday).toBe(true);
    expect(JSON.stringify(anaSummary.body)).not.toContain('private note');
    expect((await clocksOf(ana, ben)).status).toBe(200);
    expect((await summaryOf(ana, ben)).body).toEqual(NOT_FOUND);
    expect((await ana.agent.get(`/api/people/${ben.id}/checkins`)).status).toBe(404);
    const logged = await t.database.db.select().from(accessLog).where(eq(accessLog.subjectId, ana.id));
    expect(logged.map((row) => row.purpose)).toEqual(['Accountability partner', 'Accountability partner']);

    // Nudges: three a day per sender, then a kind refusal; the other side has its own three.
    for (const left of [2, 1, 0]) {
      const nudge = await ana.agent.post(`/api/partners/${id}/nudge`);
      expect(nudge.status).toBe(200);
      expect(nudge.body).toEqual({ remainingToday: left });
    }
    const fourth = await ana.agent.post(`/api/partners/${id}/nudge`);
    expect(fourth.status).toBe(429);
    expect(fourth.body.error.message).toMatch(/tomorrow/);
    expect((await ben.agent.post(`/api/partners/${id}/nudge`)).status).toBe(200);
    const nudges = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, ben.id), eq(notifications.kind, 'partner')));
    expect(nudges).toHaveLength(4); // the invitation and three nudges
    expect(nudges.filter((n) => n.title.includes('thinking of you'))).toHaveLength(3);

    // Either ends it: both grants are revoked together, and the next read is a 404 for both.
    const ended = await ben.agent.post(`/api/partners/${id}/end`);
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ status: 'ended' });
    expect((await clocksOf(ben, ana)).body).toEqual(NOT_FOUND);
    expect((await summaryOf(ben, ana)).status).toBe(404);
    expect((await clocksOf(ana, ben)).status).toBe(404);
    const after = await t.database.db
      .select()
      .from(consentGrants)
      .where(inArray(consentGrants.grantorId, [ana.id, ben.id]));
    expect(after.every((g) => g.revokedAt !== null)).toBe(true);
    expect(new Set(after.map((g) => g.revokedAt?.getTime())).size).toBe(1);
    expect((await ana.agent.post(`/api/partners/${id}/nudge`)).status).toBe(409);
    expect((await ana.agent.post(`/api/partners/${id}/end`)).status).toBe(409);
    expect((await ana.agent.get('/api/partners')).body.ended[0]).toMatchObject({ id, status: 'ended' });

    // Ended, they may start again.
    expect((await invite(ben, ana, ['clock'])).status).toBe(201);
  });
});

describe('partner invitations: rules', () => {
  it('one open invitation or partnership per pair, in either direction (409)', async () => {
    const a = await buildPerson(t);
    const b = await buildPerson(t);
    expect((await invite(a, b)).status).toBe(201);
    const again = await invite(a, b);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('CONFLICT');
    expect((await invite(b, a)).status).toBe(409);
  });

  it('decline (invitee) and cancel (inviter) each belong to one side; both free the pair', async () => {
    const a = await buildPerson(t);
    const b = await buildPerson(t);
    const first = (await invite(a, b)).body.id;
    expect((await a.agent.post(`/api/partners/${first}/decline`)).status).toBe(404);
    expect((await b.agent.post(`/api/partners/${first}/cancel`)).status).toBe(404);
    expect((await b.agent.post(`/api/partners/${first}/decline`)).body.status).toBe('declined');
    expect((await b.agent.post(`/api/partners/${first}/accept`, { scopes: ['clock'] })).status).toBe(409);
    const second = (await invite(a, b)).body.id;
    expect((await a.agent.post(`/api/partners/${second}/cancel`)).body.status).toBe('cancelled');
    expect((await a.agent.post(`/api/partners/${second}/end`)).status).toBe(409);
    const rows = await t.database.db.select().from(consentGrants).where(eq(consentGrants.grantorId, a.id));
    expect(rows).toHaveLength(0);
  });

  it('refuses myself, unknown aliases, non-members, no scopes, and both id and alias', async () => {
    const a = await buildPerson(t);
    const ally = await buildPerson(t, { roles: ['ally'] });
    const coach = await buildPerson(t, { roles: ['coach'] });
    expect((await invite(a, a)).status).toBe(400);
    expect((await a.agent.post('/api/partners', { inviteeAlias: 'Nobody Here', scopes: ['clock'] })).status).toBe(404);
    expect((await invite(a, ally)).status).toBe(404);
    expect((await a.agent.post('/api/partners', { inviteeId: coach.id, scopes: ['clock'] })).status).toBe(404);
    const b = await buildPerson(t);
    expect((await invite(a, b, [])).status).toBe(400);
    expect((await a.agent.post('/api/partners', { inviteeId: b.id, inviteeAlias: b.alias, scopes: ['clock'] })).status).toBe(400);
    expect((await a.agent.post('/api/partners', { scopes: ['clock'] })).status).toBe(400);
    expect((await invite(a, b, ['clock', 'everything'])).status).toBe(400);
    expect(await t.database.db.select().from(partnerships).where(eq(partnerships.inviterId, a.id))).toHaveLength(0);
  });

  it('non-member roles and anonymous visitors cannot use partners at all', async () => {
    const member = await buildPerson(t);
    const partner = await buildPerson(t);
    const id = (await invite(member, partner)).body.id;
    for (const roles of [['ally'], ['coach'], ['supervisor']] as const) {
      const other = await buildPerson(t, { roles: [...roles] });
      expect((await other.agent.get('/api/partners')).body).toEqual(NOT_FOUND);
      expect((await invite(other, member)).status).toBe(404);
      expect((await other.agent.post(`/api/partners/${id}/accept`, { scopes: ['clock'] })).status).toBe(404);
    }
    const stranger = await buildPerson(t);
    expect((await stranger.agent.post(`/api/partners/${id}/accept`, { scopes: ['clock'] })).status).toBe(404);
    expect((await stranger.agent.post(`/api/partners/${id}/nudge`)).status).toBe(404);
    expect((await stranger.agent.post(`/api/partners/${id}/end`)).status).toBe(404);
    const anonymous = createAgent(t.app);
    expect((await anonymous.get('/api/partners')).status).toBe(401);
  });
});
