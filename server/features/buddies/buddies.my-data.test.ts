import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { myDataExportSchema } from '../../../shared/contracts/my-data.ts';
import { buddyRequests, buddyVolunteers } from '../../db/schema/buddies.ts';
import { buildPerson, PASSWORD, type Person, setUpOrganization } from '../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../test/harness.ts';
import { giveClock, loadTestMeetings } from './buddies.fixtures.ts';

/** "My data" for first-meeting buddies: the export carries them; deletion erases mine and releases others'. */

let t: TestApp;
let meetingIds: Map<string, string>;
beforeAll(async () => {
  t = await buildTestApp();
  await setUpOrganization(t);
  meetingIds = await loadTestMeetings(t);
});
afterAll(async () => t.close());

async function ask(person: Person, slug: string, index: number, note: string): Promise<string> {
  const meetingId = meetingIds.get(slug) as string;
  const occursAt = (await person.agent.get(`/api/buddies/meetings/${meetingId}/occurrences`)).body.occurrences[index];
  const response = await person.agent.post('/api/buddies/requests', { meetingId, occursAt, note });
  expect(response.status).toBe(201);
  return response.body.requests.find((r: { note: string }) => r.note === note).id;
}

describe('my data: first-meeting buddies', () => {
  it('exports my offer, what I asked and whom I accompanied; deleting my account erases mine and reopens what I had accepted', async () => {
    const me = await buildPerson(t, { alias: 'Veteran Vee' });
    await giveClock(me, 400);
    expect((await me.agent.put('/api/buddies/volunteer', { about: 'VOLUNTEER-ABOUT' })).status).toBe(200);
    const myOwn = await ask(me, 'tuesday-open', 0, 'MY-OWN-NOTE');
    const other = await buildPerson(t, { alias: 'Newcomer Nia' });
    const upcoming = await ask(other, 'sunday-speakers', 0, 'THEIR-NOTE');
    const past = await ask(other, 'smart-online', 0, 'THEIR-PAST-NOTE');
    for (const id of [upcoming, past]) expect((await me.agent.post(`/api/buddies/requests/${id}/accept`)).status).toBe(200);
    await t.database.db
      .update(buddyRequests)
      .set({ occursAt: DateTime.now().minus({ days: 2 }).toJSDate() })
      .where(eq(buddyRequests.id, past));

    const exported = myDataExportSchema.parse((await me.agent.get('/api/me/export')).body);
    expect(exported.buddies.volunteer).toMatchObject({ about: 'VOLUNTEER-ABOUT', active: true });
    expect(exported.buddies.asked).toEqual([
      expect.objectContaining({ meeting: 'Tuesday Open Discussion', note: 'MY-OWN-NOTE', status: 'open', buddy: null }),
    ]);
    expect(exported.buddies.accompanied.map((r) => [r.meeting, r.requester]).sort()).toEqual([
      ['SMART Online', 'Newcomer Nia'],
      ['Sunday Speakers', 'Newcomer Nia'],
    ]);
    expect(JSON.stringify(exported.buddies)).not.toContain('THEIR-NOTE');
    expect(exported.conversations.some((c) => c.kind === 'buddy')).toBe(true);
    const theirs = myDataExportSchema.parse((await other.agent.get('/api/me/export')).body);
    expect(theirs.buddies.asked.map((r) => r.buddy)).toEqual(['Veteran Vee', 'Veteran Vee']);

    const deleted = await me.agent.post('/api/me/delete-account', { password: PASSWORD, confirm: 'DELETE' });
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
    const erased = Object.fromEntries(deleted.body.erased.map((e: { what: string; count: number }) => [e.what, e.count]));
    expect(erased).toMatchObject({ 'buddy volunteering': 1, 'buddy requests': 1, 'buddy requests you had accepted (released)': 2 });
    expect(await t.database.db.select().from(buddyVolunteers).where(eq(buddyVolunteers.personId, me.id))).toEqual([]);
    expect((await t.database.db.select().from(buddyRequests).where(eq(buddyRequests.id, myOwn))).length).toBe(0);
    const [reopened] = await t.database.db.select().from(buddyRequests).where(eq(buddyRequests.id, upcoming));
    expect(reopened).toMatchObject({ status: 'open', buddyId: null, conversationId: null });
    const [released] = await t.database.db.select().from(buddyRequests).where(eq(buddyRequests.id, past));
    expect(released).toMatchObject({ status: 'expired', buddyId: null });
  });
});
