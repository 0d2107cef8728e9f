import { eq, inArray, or } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { myDataExportSchema } from '../../../shared/contracts/my-data.ts';
import { consentGrants } from '../../db/schema/consent.ts';
import { conversations, messages } from '../../db/schema/messages.ts';
import { partnerships } from '../../db/schema/partners.ts';
import { buildCoachingRelationship } from '../../test/coaching-factories.ts';
import { buildPerson, PASSWORD, type Person, setUpOrganization } from '../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../test/harness.ts';

/** "My data" for messages and partnerships: the export carries them, account deletion erases and ends them. */

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await setUpOrganization(t);
});
afterAll(async () => t.close());

async function setUp() {
  const member = await buildPerson(t);
  const coach = await buildPerson(t, { roles: ['coach'] });
  const partner = await buildPerson(t);
  const invitee = await buildPerson(t);
  await buildCoachingRelationship(t, { coachId: coach.id, memberId: member.id, scopes: ['clock'] });
  const coaching = (await member.agent.post('/api/messages/conversations', { kind: 'coaching', with: coach.id })).body.id;
  await member.agent.post(`/api/messages/conversations/${coaching}`, { body: 'MEMBER-WORDS-1' });
  await coach.agent.post(`/api/messages/conversations/${coaching}`, { body: 'COACH-WORDS-1' });
  const active = (await member.agent.post('/api/partners', { inviteeId: partner.id, scopes: ['clock'] })).body.id;
  expect((await partner.agent.post(`/api/partners/${active}/accept`, { scopes: ['checkins.summary'] })).status).toBe(200);
  const pending = (await member.agent.post('/api/partners', { inviteeId: invitee.id, scopes: ['clock'] })).body.id;
  const partnersChat = (await partner.agent.post('/api/messages/conversations', { kind: 'partners', with: member.id })).body.id;
  await partner.agent.post(`/api/messages/conversations/${partnersChat}`, { body: 'PARTNER-WORDS-1' });
  return { member, coach, partner, invitee, coaching, active, pending, partnersChat };
}

describe('my data: messages and partnerships', () => {
  it('the export carries my conversations (both sides) and my partnerships, and validates against the contract', async () => {
    const { member, coach, partner, coaching, active, pending } = await setUp();
    const response = await member.agent.get('/api/me/export');
    expect(response.status).toBe(200);
    const body = myDataExportSchema.parse(response.body);
    const thread = body.conversations.find((c) => c.id === coaching);
    expect(thread).toMatchObject({ kind: 'coaching', with: { id: coach.id } });
    expect(thread?.messages.map((m) => [m.body, m.mine])).toEqual([
      ['MEMBER-WORDS-1', true],
      ['COACH-WORDS-1', false],
    ]);
    expect(body.conversations.find((c) => c.kind === 'partners')?.with.id).toBe(partner.id);
    expect(body.partnerships.map((p) => [p.id, p.status]).sort()).toEqual(
      [
        [active, 'active'],
        [pending, 'invited'],
      ].sort(),
    );
    // Someone else's export does not carry our conversation.
    const stranger = await buildPerson(t);
    expect(JSON.stringify((await stranger.agent.get('/api/me/export')).body)).not.toContain('MEMBER-WORDS-1');
  });

  it('deleting my account erases our conversations, ends my partnership (both grants revoked) and withdraws my invitation', async () => {
    const { member, partner, coaching, active, pending, partnersChat } = await setUp();
    const deleted = await member.agent.post('/api/me/delete-account', { password: PASSWORD, confirm: 'DELETE' });
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
    const erased = Object.fromEntries(deleted.body.erased.map((e: { what: string; count: number }) => [e.what, e.count]));
    expect(erased).toMatchObject({ messages: 3, 'partnerships ended or withdrawn': 2 });

    const db = t.database.db;
    expect(
      await db
        .select()
        .from(messages)
        .where(inArray(messages.conversationId, [coaching, partnersChat])),
    ).toHaveLength(0);
    expect(
      await db
        .select()
        .from(conversations)
        .where(or(eq(conversations.aId, member.id), eq(conversations.bId, member.id))),
    ).toHaveLength(0);
    const rows = await db
      .select()
      .from(partnerships)
      .where(inArray(partnerships.id, [active, pending]));
    expect(Object.fromEntries(rows.map((r) => [r.id, r.status]))).toEqual({ [active]: 'ended', [pending]: 'cancelled' });
    expect(
      await db
        .select()
        .from(consentGrants)
        .where(or(eq(consentGrants.grantorId, partner.id), eq(consentGrants.granteeId, partner.id))),
    ).toEqual([]);
    const partnerView: Person = partner;
    expect((await partnerView.agent.get(`/api/people/${member.id}/clocks`)).status).toBe(404);
    expect((await partnerView.agent.get(`/api/messages/conversations/${partnersChat}`)).status).toBe(404);
    expect((await partnerView.agent.get('/api/partners')).body.ended.map((p: { id: string }) => p.id)).toContain(active);
  });
});
