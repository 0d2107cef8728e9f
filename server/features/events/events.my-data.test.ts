import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, PASSWORD, type Person, setUpOrganization } from '../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let coach: Person;

beforeAll(async () => {
  t = await buildTestApp();
  await setUpOrganization(t);
  coach = await buildPerson(t, { roles: ['coach'] });
});
afterAll(async () => t.close());

const local = (hours: number) => DateTime.now().setZone('America/Chicago').plus({ hours }).startOf('minute').toFormat("yyyy-MM-dd'T'HH:mm");

describe('event answers in my data', () => {
  it('are exported, and erasing the account gives the place to the first person waiting', async () => {
    const leaving = await buildPerson(t, { alias: 'Leaving' });
    const waiting = await buildPerson(t, { alias: 'Waiting' });
    const created = await coach.agent.post('/api/events', {
      kind: 'workshop',
      title: 'Resume workshop',
      startsAt: local(30),
      endsAt: local(32),
      timezone: 'America/Chicago',
      capacity: 1,
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    await leaving.agent.put(`/api/events/${id}/rsvp`);
    await waiting.agent.put(`/api/events/${id}/rsvp`);

    const exported = await leaving.agent.get('/api/me/export');
    expect(exported.status).toBe(200);
    expect(exported.body.eventRsvps).toEqual([
      expect.objectContaining({ event: expect.objectContaining({ id, title: 'Resume workshop' }), status: 'going' }),
    ]);

    const deleted = await leaving.agent.post('/api/me/delete-account', { password: PASSWORD, confirm: 'DELETE' });
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
    expect(deleted.body.erased).toContainEqual({ what: 'event answers', count: 1 });

    const after = await waiting.agent.get(`/api/events/${id}`);
    expect(after.body).toMatchObject({ myStatus: 'going', going: 1, waitlisted: 0 });
    const list = await coach.agent.get(`/api/events/${id}/attendees`);
    expect(list.body).toEqual({ going: [{ alias: 'Waiting', since: expect.any(String) }], waitlisted: [] });
    const notices = await waiting.agent.get('/api/me/notifications');
    expect(notices.body.notifications.map((n: { title: string }) => n.title)).toContain('You have a place at Resume workshop');
  });
});
