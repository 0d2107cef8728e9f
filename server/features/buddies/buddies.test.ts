import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buddyRequests } from '../../db/schema/buddies.ts';
import { outbox } from '../../db/schema/mail.ts';
import { notifications } from '../../db/schema/notifications.ts';
import { buildPerson, type Person, setUpOrganization } from '../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../test/harness.ts';
import { anonymous, giveClock, loadTestMeetings } from './buddies.fixtures.ts';

let t: TestApp;
let meetingIds: Map<string, string>;
beforeAll(async () => {
  t = await buildTestApp();
  await setUpOrganization(t);
  meetingIds = await loadTestMeetings(t);
});
afterAll(async () => t.close());

const meeting = (slug: string) => meetingIds.get(slug) as string;
async function occurrencesOf(person: Person, slug: string): Promise<string[]> {
  const response = await person.agent.get(`/api/buddies/meetings/${meeting(slug)}/occurrences`);
  expect(response.status).toBe(200);
  return response.body.occurrences;
}
async function ask(person: Person, slug: string, index = 0, note = 'First time, a bit scared') {
  const occursAt = (await occurrencesOf(person, slug))[index];
  return person.agent.post('/api/buddies/requests', { meetingId: meeting(slug), occursAt, note });
}
async function volunteerCoach(alias: string) {
  const coach = await buildPerson(t, { roles: ['coach'], alias });
  expect((await coach.agent.put('/api/buddies/volunteer', { about: 'Happy to walk in with you' })).status).toBe(200);
  return coach;
}
const requestIdOf = (reply: { body: { requests: { id: string }[] } }) => reply.body.requests[0]?.id as string;

describe('volunteering: who may', () => {
  it('a member at 89 days is told kindly to wait; at 90 days they may; a coach always may', async () => {
    const early = await buildPerson(t, { alias: 'Early Member' });
    const none = await early.agent.put('/api/buddies/volunteer', { about: '' });
    expect(none.status).toBe(409);
    expect(none.body.error.message).toMatch(/90 days/);
    expect((await early.agent.get('/api/buddies')).body.eligibility).toMatchObject({ eligible: false, reason: 'no_clock' });

    await giveClock(early, 89, { hours: 23 });
    const refused = await early.agent.put('/api/buddies/volunteer', { about: 'I remember how it felt' });
    expect(refused.status).toBe(409);
    expect((await early.agent.get('/api/buddies')).body.eligibility).toMatchObject({ eligible: false, reason: 'too_soon', days: 89 });
    expect((await early.agent.get('/api/buddies/requests/open')).status).toBe(403);

    const steady = await buildPerson(t, { alias: 'Steady Member' });
    await giveClock(steady, 90, { minutes: 5 });
    const ok = await steady.agent.put('/api/buddies/volunteer', { about: 'I remember how it felt' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({
      eligibility: { eligible: true, days: 90 },
      volunteer: { about: 'I remember how it felt', active: true },
    });
    expect((await steady.agent.get('/api/buddies/requests/open')).status).toBe(200);

    const coach = await buildPerson(t, { roles: ['coach'] });
    expect((await coach.agent.put('/api/buddies/volunteer', { about: '' })).status).toBe(200);

    const out = await steady.agent.delete('/api/buddies/volunteer');
    expect(out.status).toBe(200);
    expect(out.body.volunteer).toBeNull();
    expect((await steady.agent.get('/api/buddies/requests/open')).status).toBe(403);
  });

  it('roles other than member and coach, and anonymous visitors, do not reach the routes', async () => {
    const ally = await buildPerson(t, { roles: ['ally'] });
    expect((await ally.agent.get('/api/buddies')).status).toBe(404);
    expect((await ally.agent.put('/api/buddies/volunteer', { about: '' })).status).toBe(404);
    expect((await ally.agent.get('/api/buddies/requests/open')).status).toBe(404);
    expect((await anonymous(t).get('/api/buddies')).status).toBe(401);
    const coach = await buildPerson(t, { roles: ['coach'] });
    // Only members ask for a buddy.
    expect((await ask(coach, 'tuesday-open')).status).toBe(404);
  });
});

describe('asking for a buddy', () => {
  it('accepts only a real upcoming time of a bookable meeting, once, and at most three open', async () => {
    const member = await buildPerson(t, { alias: 'Asking Member' });
    const [first] = await occurrencesOf(member, 'tuesday-open');
    const start = DateTime.fromISO(first as string);
    const post = (occursAt: string, meetingId = meeting('tuesday-open')) =>
      member.agent.post('/api/buddies/requests', { meetingId, occursAt });
    expect((await post(start.plus({ hours: 1 }).toISO() as string)).status).toBe(400);
    expect((await post(start.plus({ days: 1 }).toISO() as string)).status).toBe(400);
    expect((await post(start.minus({ weeks: 1 }).toISO() as string)).status).toBe(400); // past
    expect((await post(start.plus({ weeks: 10 }).toISO() as string)).status).toBe(400); // beyond the horizon
    expect((await post('next tuesday')).status).toBe(400);
    const byAppointment = await member.agent.get(`/api/buddies/meetings/${meeting('by-appointment')}/occurrences`);
    expect(byAppointment.body).toEqual({ bookable: false, occurrences: [] });
    expect((await post(start.toISO() as string, meeting('by-appointment'))).status).toBe(409);
    expect((await post(start.toISO() as string, '00000000-0000-4000-8000-000000000000')).status).toBe(404);

    // The same instant written in another offset is the same occurrence.
    const created = await post(start.setZone('Asia/Tokyo').toISO() as string);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.requests[0]).toMatchObject({ status: 'open', buddy: null, conversationId: null, iAmBuddy: false });
    expect((await post(start.toISO() as string)).status).toBe(409);
    expect((await ask(member, 'tuesday-open', 1)).status).toBe(201);
    expect((await ask(member, 'sunday-speakers', 0)).status).toBe(201);
    const fourth = await ask(member, 'smart-online', 0);
    expect(fourth.status).toBe(409);
    expect(fourth.body.error.message).toMatch(/3 open requests/);
  });

  it('volunteers see the alias, meeting, time and note, never anything else of the requester; not their own', async () => {
    const shy = await buildPerson(t, { alias: 'Shy Newcomer' });
    await giveClock(shy, 3);
    expect((await ask(shy, 'sunday-speakers', 0, 'I will wear a green scarf')).status).toBe(201);
    const coach = await volunteerCoach('Coach Seeing');
    const list = await coach.agent.get('/api/buddies/requests/open');
    expect(list.status).toBe(200);
    const mine = list.body.requests.find((r: { requesterAlias: string }) => r.requesterAlias === 'Shy Newcomer');
    expect(Object.keys(mine).sort()).toEqual(['id', 'localTime', 'meeting', 'note', 'occursAt', 'requesterAlias']);
    expect(mine.note).toBe('I will wear a green scarf');
    expect(mine.meeting).toMatchObject({ name: 'Sunday Speakers', timezone: 'Europe/Madrid' });
    // The time is given in the volunteer's zone too (America/Chicago for test people).
    expect(DateTime.fromISO(mine.localTime, { setZone: true }).zoneName).toMatch(/UTC-[56]/);
    expect(DateTime.fromISO(mine.localTime).toMillis()).toBe(DateTime.fromISO(mine.occursAt).toMillis());
    const raw = JSON.stringify(list.body);
    expect(raw).not.toContain(shy.id);
    expect(raw).not.toContain(shy.email);

    // A member volunteer does not see their own request among the open ones.
    const both = await buildPerson(t, { alias: 'Both Ways' });
    await giveClock(both, 200);
    expect((await both.agent.put('/api/buddies/volunteer', { about: '' })).status).toBe(200);
    const own = await ask(both, 'smart-online', 0);
    const ownId = requestIdOf(own);
    const seen = await both.agent.get('/api/buddies/requests/open');
    expect(seen.body.requests.map((r: { id: string }) => r.id)).not.toContain(ownId);
    expect((await both.agent.post(`/api/buddies/requests/${ownId}/accept`)).status).toBe(403);
  });
});

describe('accepting', () => {
  it('one of two volunteers answering at once wins; the other gets 409', async () => {
    const member = await buildPerson(t, { alias: 'Raced Member' });
    const id = requestIdOf(await ask(member, 'tuesday-open', 2));
    const [one, two] = [await volunteerCoach('Racer One'), await volunteerCoach('Racer Two')];
    const answers = await Promise.all([one, two].map((coach) => coach.agent.post(`/api/buddies/requests/${id}/accept`)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const [row] = await t.database.db.select().from(buddyRequests).where(eq(buddyRequests.id, id));
    expect(row?.status).toBe('matched');
    expect([one.id, two.id]).toContain(row?.buddyId);
    const notices = await t.database.db.select().from(notifications).where(eq(notifications.userId, member.id));
    expect(notices.filter((n) => n.kind === 'buddy')).toHaveLength(1);
  });

  it('matching opens a buddy conversation both can use; before it, and after cancelling or a week past, it is closed', async () => {
    const member = await buildPerson(t, { alias: 'Matched Member' });
    const coach = await volunteerCoach('Coach Buddy');
    const id = requestIdOf(await ask(member, 'smart-online', 1, 'Never been online before'));
    // Before matching nobody can open a buddy conversation.
    expect((await member.agent.post('/api/messages/conversations', { kind: 'buddy', with: coach.id })).status).toBe(404);
    // The requester is no volunteer: only volunteers answer requests.
    expect((await member.agent.post(`/api/buddies/requests/${id}/accept`)).status).toBe(403);

    const accepted = await coach.agent.post(`/api/buddies/requests/${id}/accept`);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const asBuddy = accepted.body.requests.find((r: { id: string }) => r.id === id);
    expect(asBuddy).toMatchObject({
      status: 'matched',
      iAmBuddy: true,
      buddy: { alias: 'Matched Member' },
      note: 'Never been online before',
    });
    const mine = (await member.agent.get('/api/buddies')).body.requests.find((r: { id: string }) => r.id === id);
    expect(mine).toMatchObject({ status: 'matched', buddy: { alias: 'Coach Buddy' }, conversationId: asBuddy.conversationId });
    expect((await coach.agent.post(`/api/buddies/requests/${id}/accept`)).status).toBe(409);

    const conversation = asBuddy.conversationId as string;
    expect((await coach.agent.post(`/api/messages/conversations/${conversation}`, { body: 'Hi! I will be there early.' })).status).toBe(
      201,
    );
    expect((await member.agent.post(`/api/messages/conversations/${conversation}`, { body: 'Thank you' })).status).toBe(201);
    const list = await member.agent.get('/api/messages/conversations');
    expect(list.body.conversations.find((c: { id: string }) => c.id === conversation)).toMatchObject({
      kind: 'buddy',
      canSend: true,
      other: { alias: 'Coach Buddy' },
    });
    const outsider = await buildPerson(t);
    expect((await outsider.agent.get(`/api/messages/conversations/${conversation}`)).status).toBe(404);

    // The requester was told in-app (with the link) and by a neutral email.
    const [notice] = await t.database.db.select().from(notifications).where(eq(notifications.userId, member.id));
    expect(notice).toMatchObject({ kind: 'buddy', link: `/messages/${conversation}` });
    const mails = await t.database.db.select().from(outbox).where(eq(outbox.to, member.email));
    expect(mails).toHaveLength(1);
    expect(`${mails[0]?.subject} ${mails[0]?.text}`).not.toMatch(/SMART|meeting|Coach Buddy|recovery/i);

    // A week after the meeting the thread is read-only.
    await t.database.db
      .update(buddyRequests)
      .set({ occursAt: DateTime.now().minus({ days: 8 }).toJSDate() })
      .where(eq(buddyRequests.id, id));
    expect((await member.agent.post(`/api/messages/conversations/${conversation}`, { body: 'How was it?' })).status).toBe(409);
    expect((await coach.agent.get(`/api/messages/conversations/${conversation}`)).body.conversation.canSend).toBe(false);
    await t.database.db
      .update(buddyRequests)
      .set({ occursAt: DateTime.now().minus({ days: 6 }).toJSDate() })
      .where(eq(buddyRequests.id, id));
    expect((await member.agent.post(`/api/messages/conversations/${conversation}`, { body: 'It went well' })).status).toBe(201);

    // Cancelling closes it at once; only the requester can cancel.
    expect((await coach.agent.post(`/api/buddies/requests/${id}/cancel`)).status).toBe(404);
    expect((await outsider.agent.post(`/api/buddies/requests/${id}/cancel`)).status).toBe(404);
    const cancelled = await member.agent.post(`/api/buddies/requests/${id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.requests.find((r: { id: string }) => r.id === id)).toMatchObject({
      status: 'cancelled',
      buddy: null,
      conversationId: null,
    });
    expect((await member.agent.post(`/api/buddies/requests/${id}/cancel`)).status).toBe(409);
    expect((await coach.agent.post(`/api/messages/conversations/${conversation}`, { body: 'Still on?' })).status).toBe(409);
  });

  it('open requests past their time expire when read and can no longer be accepted', async () => {
    const member = await buildPerson(t, { alias: 'Late Member' });
    const id = requestIdOf(await ask(member, 'tuesday-open', 0));
    await t.database.db
      .update(buddyRequests)
      .set({ occursAt: DateTime.now().minus({ hours: 1 }).toJSDate() })
      .where(eq(buddyRequests.id, id));
    const coach = await volunteerCoach('Coach Late');
    expect((await coach.agent.get('/api/buddies/requests/open')).body.requests.map((r: { id: string }) => r.id)).not.toContain(id);
    expect((await coach.agent.post(`/api/buddies/requests/${id}/accept`)).status).toBe(409);
    expect((await member.agent.get('/api/buddies')).body.requests.find((r: { id: string }) => r.id === id)?.status).toBe('expired');
  });

  it('bad input is a clear 4xx', async () => {
    const member = await buildPerson(t);
    const coach = await volunteerCoach('Coach Input');
    expect((await member.agent.post('/api/buddies/requests', { meetingId: 'nope', occursAt: 'x' })).status).toBe(400);
    expect(
      (
        await member.agent.post('/api/buddies/requests', {
          meetingId: meeting('tuesday-open'),
          occursAt: (await occurrencesOf(member, 'tuesday-open'))[0],
          note: 'x'.repeat(301),
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await member.agent.post('/api/buddies/requests', {
          meetingId: meeting('tuesday-open'),
          occursAt: (await occurrencesOf(member, 'tuesday-open'))[0],
          extra: 1,
        })
      ).status,
    ).toBe(400);
    expect((await coach.agent.put('/api/buddies/volunteer', { about: 'x'.repeat(501) })).status).toBe(400);
    expect((await coach.agent.post('/api/buddies/requests/not-a-uuid/accept')).status).toBe(400);
    expect((await coach.agent.post('/api/buddies/requests/00000000-0000-4000-8000-000000000000/accept')).status).toBe(404);
  });
});
