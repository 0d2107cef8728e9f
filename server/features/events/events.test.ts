import { and, eq, like } from 'drizzle-orm';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events } from '../../db/schema/events.ts';
import { outbox } from '../../db/schema/mail.ts';
import { notifications } from '../../db/schema/notifications.ts';
import { reminderPreferences } from '../../db/schema/reminders.ts';
import { createAgent } from '../../test/agent.ts';
import { buildPerson, type Person, setUpOrganization } from '../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../test/harness.ts';
import { runEventReminderSweep } from './events.sweep.ts';

let t: TestApp;
let admin: Person;
let coach: Person;
let supervisor: Person;
let member: Person;
let other: Person;

beforeAll(async () => {
  t = await buildTestApp();
  admin = await setUpOrganization(t);
  coach = await buildPerson(t, { roles: ['coach'], alias: 'Coach Lee' });
  supervisor = await buildPerson(t, { roles: ['supervisor'] });
  member = await buildPerson(t, { alias: 'Robin' });
  other = await buildPerson(t, { alias: 'Sky' });
});
afterAll(async () => t.close());

const ZONE = 'America/New_York';
/** A local wall-clock time `hours` from now in ZONE, on a whole minute. */
const localIn = (hours: number, zone = ZONE) =>
  DateTime.now().setZone(zone).plus({ hours, minutes: 1 }).startOf('minute').toFormat("yyyy-MM-dd'T'HH:mm");
const eventBody = (overrides: Record<string, unknown> = {}) => ({
  kind: 'social',
  title: 'Sober bowling night',
  description: 'Shoes included.',
  startsAt: localIn(72),
  endsAt: localIn(75),
  timezone: ZONE,
  location: 'Lucky Lanes',
  address: '12 Main St',
  capacity: 10,
  ...overrides,
});

async function createEvent(overrides: Record<string, unknown> = {}, by: Person = coach) {
  const response = await by.agent.post('/api/events', eventBody(overrides));
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}
const noticesOf = (person: Person, eventId: string) =>
  t.database.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, person.id), like(notifications.dedupeKey, `%:event:${eventId}:%`)));
const emailsTo = (person: Person, eventId?: string) =>
  t.database.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.to, person.email), eventId ? like(outbox.text, `%/events/${eventId}%`) : undefined));

describe('who may do what', () => {
  it('lets admins, supervisors and coaches create events; members get 404 and anonymous callers 401', async () => {
    for (const organizer of [admin, coach, supervisor]) await createEvent({ title: `By ${organizer.alias}` }, organizer);
    expect((await member.agent.post('/api/events', eventBody())).status).toBe(404);
    const anonymous = createAgent(t.app);
    expect((await anonymous.post('/api/events', eventBody())).status).toBe(401);
    expect((await anonymous.get('/api/events')).status).toBe(401);
  });

  it('shows events to every signed-in person, the attendee list to organizers only, and nothing to anonymous callers', async () => {
    const event = await createEvent({ title: 'Matrix night' });
    const anonymous = createAgent(t.app);
    expect((await anonymous.get(`/api/events/${event.id}`)).status).toBe(401);
    expect((await anonymous.get(`/api/events/${event.id}/calendar.ics`)).status).toBe(401);
    const seen = await member.agent.get(`/api/events/${event.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ title: 'Matrix night', location: 'Lucky Lanes', canManage: false, myStatus: 'none' });
    expect((await member.agent.get(`/api/events/${event.id}/attendees`)).status).toBe(404);
    expect((await member.agent.put(`/api/events/${event.id}`, eventBody())).status).toBe(404);
    expect((await member.agent.post(`/api/events/${event.id}/cancel`, { note: 'no' })).status).toBe(404);
    await member.agent.put(`/api/events/${event.id}/rsvp`);
    const list = await coach.agent.get(`/api/events/${event.id}/attendees`);
    expect(list.status).toBe(200);
    expect(list.body).toEqual({ going: [{ alias: 'Robin', since: expect.any(String) }], waitlisted: [] });
    expect((await member.agent.get('/api/events/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('lists upcoming events soonest first, paged, with places left and my answer', async () => {
    const later = await createEvent({ title: 'Later', startsAt: localIn(300), endsAt: localIn(301) });
    const sooner = await createEvent({ title: 'Sooner', startsAt: localIn(2), endsAt: localIn(3), capacity: 3 });
    await member.agent.put(`/api/events/${sooner.id}/rsvp`);
    const first = await member.agent.get('/api/events?limit=1');
    expect(first.body.events.map((e: { title: string }) => e.title)).toEqual(['Sooner']);
    expect(first.body.events[0]).toMatchObject({ placesLeft: 2, going: 1, myStatus: 'going', canManage: false });
    expect(first.body.canCreate).toBe(false);
    const titles: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { events: { title: string }[]; nextCursor: string | null } } = await member.agent.get(
        `/api/events?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      titles.push(...page.body.events.map((e) => e.title));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(titles[0]).toBe('Sooner');
    expect(titles.at(-1)).toBe(later.title);
    expect(new Set(titles).size).toBe(titles.length);
  });
});

describe('times and bad input', () => {
  it('reads times in the event zone and refuses unknown zones, skipped times, ends before starts and past starts', async () => {
    const winter = await createEvent({ startsAt: '2027-03-01T18:30', endsAt: '2027-03-01T20:00', timezone: 'Europe/Madrid' });
    expect(winter).toMatchObject({ startsAt: '2027-03-01T17:30:00.000Z', localStartsAt: '2027-03-01T18:30' });
    const madrid = await createEvent({
      startsAt: localIn(48, 'Europe/Madrid'),
      endsAt: localIn(50, 'Europe/Madrid'),
      timezone: 'Europe/Madrid',
    });
    expect(madrid.localStartsAt).toBe(localIn(48, 'Europe/Madrid'));
    expect(DateTime.fromISO(madrid.startsAt).setZone('Europe/Madrid').toFormat("yyyy-MM-dd'T'HH:mm")).toBe(madrid.localStartsAt);
    const cases: [Record<string, unknown>, string][] = [
      [{ timezone: 'Mars/Olympus' }, 'body.timezone'],
      [{ startsAt: '2026-13-01T10:00' }, 'body.startsAt'],
      // 02:30 does not exist in New York on the morning the clocks go forward.
      [{ startsAt: '2027-03-14T02:30', endsAt: '2027-03-14T05:00' }, 'body.startsAt'],
      [{ startsAt: localIn(24 * 400), endsAt: localIn(24 * 400 + 1) }, 'body.startsAt'],
      [{ endsAt: localIn(72 + 80) }, 'body.endsAt'],
      [{ endsAt: localIn(71) }, 'body.endsAt'],
      [{ startsAt: localIn(-5), endsAt: localIn(-4) }, 'body.startsAt'],
      [{ capacity: 0 }, 'body.capacity'],
      [{ conferenceUrl: 'http://insecure.example.org' }, 'body.conferenceUrl'],
      [{ kind: 'party' }, 'body.kind'],
      [{ title: '' }, 'body.title'],
      [{ surprise: true }, 'body'],
    ];
    for (const [overrides, path] of cases) {
      const response = await coach.agent.post('/api/events', eventBody(overrides));
      expect(response.status, JSON.stringify(overrides)).toBe(400);
      expect(response.body.error.fields.map((f: { path: string }) => f.path).join(' '), JSON.stringify(overrides)).toContain(path);
    }
    expect((await member.agent.get('/api/events?cursor=nonsense')).status).toBe(400);
  });
});

describe('answers, places and the waitlist', () => {
  it('gives places while they last, then waitlists in order, and promotes the first waiting when a place frees', async () => {
    const event = await createEvent({ capacity: 1 });
    const third = await buildPerson(t, { alias: 'Jo' });
    const going = await member.agent.put(`/api/events/${event.id}/rsvp`);
    expect(going.body).toMatchObject({ status: 'going', waitlistPosition: null, event: { placesLeft: 0 } });
    expect((await other.agent.put(`/api/events/${event.id}/rsvp`)).body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect((await third.agent.put(`/api/events/${event.id}/rsvp`)).body).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
    // Answering again changes nothing.
    expect((await other.agent.put(`/api/events/${event.id}/rsvp`)).body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });

    const left = await member.agent.delete(`/api/events/${event.id}/rsvp`);
    expect(left.body).toMatchObject({ status: 'none', event: { going: 1, placesLeft: 0 } });
    expect((await other.agent.get(`/api/events/${event.id}`)).body).toMatchObject({ myStatus: 'going' });
    expect((await third.agent.get(`/api/events/${event.id}`)).body).toMatchObject({ myStatus: 'waitlisted', myWaitlistPosition: 1 });
    const [notice] = await noticesOf(other, event.id);
    expect(notice).toMatchObject({ kind: 'event', link: `/events/${event.id}` });
    expect(notice?.title).toContain('You have a place');
    expect((await emailsTo(other)).some((m) => m.subject === 'You have a place')).toBe(true);
    // A waiting person leaving promotes nobody and frees nothing.
    expect((await third.agent.delete(`/api/events/${event.id}/rsvp`)).body).toMatchObject({ status: 'none', event: { going: 1 } });
  });

  it('refuses capacity below the people going and moves the waitlist up when it rises', async () => {
    const event = await createEvent({ capacity: 2 });
    const people = [member, other, await buildPerson(t), await buildPerson(t), await buildPerson(t)];
    for (const person of people) await person.agent.put(`/api/events/${event.id}/rsvp`);
    const lower = await coach.agent.put(
      `/api/events/${event.id}`,
      eventBody({ startsAt: event.localStartsAt, endsAt: event.localEndsAt, capacity: 1 }),
    );
    expect(lower.status).toBe(409);
    const raised = await coach.agent.put(
      `/api/events/${event.id}`,
      eventBody({ startsAt: event.localStartsAt, endsAt: event.localEndsAt, capacity: 4 }),
    );
    expect(raised.status).toBe(200);
    expect(raised.body).toMatchObject({ going: 4, placesLeft: 0, waitlisted: 1 });
    const statuses = await Promise.all(people.map(async (p) => (await p.agent.get(`/api/events/${event.id}`)).body.myStatus));
    expect(statuses).toEqual(['going', 'going', 'going', 'going', 'waitlisted']);
    const unlimited = await coach.agent.put(
      `/api/events/${event.id}`,
      eventBody({ startsAt: event.localStartsAt, endsAt: event.localEndsAt, capacity: null }),
    );
    expect(unlimited.body).toMatchObject({ going: 5, placesLeft: null, waitlisted: 0 });
  });

  it('gives the last place to exactly one of two people answering at once', async () => {
    const event = await createEvent({ capacity: 1 });
    const [a, b] = await Promise.all([member.agent.put(`/api/events/${event.id}/rsvp`), other.agent.put(`/api/events/${event.id}/rsvp`)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([a.body.status, b.body.status].sort()).toEqual(['going', 'waitlisted']);
    const after = await coach.agent.get(`/api/events/${event.id}`);
    expect(after.body).toMatchObject({ going: 1, waitlisted: 1 });
  });

  it('never over-fills when many answer and withdraw at once', async () => {
    const event = await createEvent({ capacity: 2 });
    const crowd = await Promise.all(Array.from({ length: 6 }, () => buildPerson(t)));
    const answers = await Promise.all(crowd.map((p) => p.agent.put(`/api/events/${event.id}/rsvp`)));
    expect(answers.map((r) => r.status)).toEqual(Array(6).fill(200));
    expect(answers.filter((r) => r.body.status === 'going')).toHaveLength(2);
    const goingPeople = crowd.filter((_, i) => answers[i]?.body.status === 'going');
    // Both going people leave at once: two different people must be promoted.
    await Promise.all(goingPeople.map((p) => p.agent.delete(`/api/events/${event.id}/rsvp`)));
    const list = await coach.agent.get(`/api/events/${event.id}/attendees`);
    expect(list.body.going).toHaveLength(2);
    expect(list.body.waitlisted.map((w: { position: number }) => w.position)).toEqual([1, 2]);
    expect((await coach.agent.get(`/api/events/${event.id}`)).body).toMatchObject({ going: 2, waitlisted: 2, placesLeft: 0 });
  });

  it('refuses answers to cancelled or started events (409)', async () => {
    const event = await createEvent();
    await coach.agent.post(`/api/events/${event.id}/cancel`, { note: 'Venue flooded' });
    expect((await member.agent.put(`/api/events/${event.id}/rsvp`)).status).toBe(409);
    expect((await member.agent.delete(`/api/events/${event.id}/rsvp`)).status).toBe(409);
    expect((await coach.agent.put(`/api/events/${event.id}`, eventBody())).status).toBe(409);
    const started = await createEvent();
    await member.agent.put(`/api/events/${started.id}/rsvp`);
    await t.database.db
      .update(events)
      .set({ startsAt: new Date(Date.now() - 60_000) })
      .where(eq(events.id, started.id));
    expect((await other.agent.put(`/api/events/${started.id}/rsvp`)).status).toBe(409);
    expect((await member.agent.delete(`/api/events/${started.id}/rsvp`)).status).toBe(409);
  });
});

describe('cancelling an event', () => {
  it('tells everyone going or waiting, with the note, and the calendar file says CANCELLED', async () => {
    const event = await createEvent({ capacity: 1, title: 'Picnic' });
    await member.agent.put(`/api/events/${event.id}/rsvp`);
    await other.agent.put(`/api/events/${event.id}/rsvp`);
    const cancelled = await coach.agent.post(`/api/events/${event.id}/cancel`, { note: 'Rain all day' });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancellationNote: 'Rain all day' });
    for (const person of [member, other]) {
      const notices = (await noticesOf(person, event.id)).filter((n) => n.title.includes('cancelled'));
      expect(notices).toHaveLength(1);
      expect(notices[0]?.body).toContain('Rain all day');
      expect((await emailsTo(person)).filter((m) => m.subject === 'An event is cancelled').length).toBeGreaterThan(0);
    }
    expect((await coach.agent.post(`/api/events/${event.id}/cancel`, { note: 'again' })).status).toBe(409);
    const ics = await member.agent.raw({ method: 'GET', url: `/api/events/${event.id}/calendar.ics` });
    const vevent = new ICAL.Component(ICAL.parse(ics.body)).getFirstSubcomponent('vevent');
    expect(vevent?.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('needs a note', async () => {
    const event = await createEvent();
    expect((await coach.agent.post(`/api/events/${event.id}/cancel`, {})).status).toBe(400);
    expect((await coach.agent.post(`/api/events/${event.id}/cancel`, { note: '   ' })).status).toBe(400);
  });
});

describe('changing an event', () => {
  const sameTimes = (event: { localStartsAt: string; localEndsAt: string }) => ({
    startsAt: event.localStartsAt,
    endsAt: event.localEndsAt,
  });
  const changeNoticesOf = async (person: Person, eventId: string) =>
    (await noticesOf(person, eventId)).filter((n) => n.title.includes('has changed'));
  const changeEmailsTo = async (person: Person, eventId: string) =>
    (await emailsTo(person, eventId)).filter((m) => m.subject === 'An event has changed');

  it('tells people going or waiting of a new time or place once each, never naming the place in the email', async () => {
    const event = await createEvent({ capacity: 1, title: 'Game night' });
    const quitter = await buildPerson(t);
    await member.agent.put(`/api/events/${event.id}/rsvp`);
    await other.agent.put(`/api/events/${event.id}/rsvp`);
    await quitter.agent.put(`/api/events/${event.id}/rsvp`);
    await quitter.agent.delete(`/api/events/${event.id}/rsvp`);

    const moved = await coach.agent.put(
      `/api/events/${event.id}`,
      eventBody({ title: 'Game night', startsAt: localIn(96), endsAt: localIn(98), capacity: 1 }),
    );
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    for (const person of [member, other]) {
      const notices = await changeNoticesOf(person, event.id);
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatchObject({ kind: 'event', link: `/events/${event.id}`, title: 'Game night has changed' });
      expect(await changeEmailsTo(person, event.id)).toHaveLength(1);
    }
    expect(await noticesOf(quitter, event.id)).toHaveLength(0);
    expect(await emailsTo(quitter, event.id)).toHaveLength(0);
    expect(await noticesOf(coach, event.id)).toHaveLength(0);

    // A new place is a second change, announced again, and the email still does not say where.
    const relocated = await coach.agent.put(
      `/api/events/${event.id}`,
      eventBody({ title: 'Game night', ...sameTimes(moved.body), location: 'Pine Hall', address: '9 Elm Rd', capacity: 1 }),
    );
    expect(relocated.status).toBe(200);
    const emails = await changeEmailsTo(member, event.id);
    expect(emails).toHaveLength(2);
    for (const email of emails) {
      for (const place of ['Lucky Lanes', '12 Main St', 'Pine Hall', '9 Elm Rd']) expect(email.text).not.toContain(place);
    }
    expect(await changeNoticesOf(other, event.id)).toHaveLength(2);
  });

  it('tells nobody when only the description, title or capacity changes', async () => {
    const event = await createEvent({ capacity: 2 });
    await member.agent.put(`/api/events/${event.id}/rsvp`);
    await other.agent.put(`/api/events/${event.id}/rsvp`);
    const described = await coach.agent.put(
      `/api/events/${event.id}`,
      eventBody({ ...sameTimes(event), description: 'Bring socks.', capacity: 2 }),
    );
    expect(described.status).toBe(200);
    expect(described.body.description).toBe('Bring socks.');
    const retitled = await coach.agent.put(`/api/events/${event.id}`, eventBody({ ...sameTimes(event), title: 'Bowling', capacity: 5 }));
    expect(retitled.body).toMatchObject({ title: 'Bowling', capacity: 5 });
    for (const person of [member, other]) {
      expect(await noticesOf(person, event.id)).toHaveLength(0);
      expect(await emailsTo(person, event.id)).toHaveLength(0);
    }
  });
});

describe('calendar file', () => {
  it('is one VEVENT in the event zone with its VTIMEZONE', async () => {
    const event = await createEvent({ title: 'Workshop: budgeting', kind: 'workshop' });
    const response = await member.agent.raw({ method: 'GET', url: `/api/events/${event.id}/calendar.ics` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/calendar');
    const calendar = new ICAL.Component(ICAL.parse(response.body));
    expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe(ZONE);
    const vevent = new ICAL.Event(calendar.getFirstSubcomponent('vevent') as ICAL.Component);
    expect(vevent.summary).toBe('Workshop: budgeting');
    expect(calendar.getFirstSubcomponent('vevent')?.getFirstProperty('dtstart')?.getParameter('tzid')).toBe(ZONE);
    expect(vevent.startDate.toJSDate().toISOString()).toBe(event.startsAt);
    expect(vevent.uid).toBe(`event-${event.id}@kinship`);
    expect(calendar.getFirstSubcomponent('vevent')?.getFirstPropertyValue('status')).toBe('CONFIRMED');
  });
});

describe('reminders', () => {
  it('sends a day before and an hour before to people going, once each, email only to those who chose it', async () => {
    const event = await createEvent({ startsAt: localIn(23), endsAt: localIn(25), capacity: 1 });
    await member.agent.put(`/api/events/${event.id}/rsvp`);
    await other.agent.put(`/api/events/${event.id}/rsvp`); // waiting: no reminder
    await t.database.db
      .insert(reminderPreferences)
      .values({ userId: member.id, byEmail: true })
      .onConflictDoUpdate({ target: reminderPreferences.userId, set: { byEmail: true } });
    const ctx = t.app.ctx;
    const first = await runEventReminderSweep({ ctx });
    expect(first.created).toBeGreaterThanOrEqual(1);
    expect((await runEventReminderSweep({ ctx })).created).toBe(0);
    const start = new Date(event.startsAt);
    const hourBefore = new Date(start.getTime() - 30 * 60_000);
    const third = await runEventReminderSweep({ ctx, now: hourBefore });
    expect(third.created).toBeGreaterThanOrEqual(1);
    expect((await runEventReminderSweep({ ctx, now: hourBefore })).created).toBe(0);
    const titles = (await noticesOf(member, event.id)).map((n) => n.title).sort();
    expect(titles.filter((x) => x.includes('coming up'))).toHaveLength(1);
    expect(titles.filter((x) => x.includes('within the hour'))).toHaveLength(1);
    expect(await emailsTo(member, event.id)).toHaveLength(2);
    expect(await noticesOf(other, event.id)).toHaveLength(0);
  });

  it('sends no email reminder to someone who did not choose email, but still the in-app one', async () => {
    const event = await createEvent({ startsAt: localIn(0.5), endsAt: localIn(2) });
    await other.agent.put(`/api/events/${event.id}/rsvp`);
    const before = (await emailsTo(other)).length;
    await runEventReminderSweep({ ctx: t.app.ctx });
    expect((await noticesOf(other, event.id)).map((n) => n.title)).toEqual([expect.stringContaining('within the hour')]);
    expect((await emailsTo(other)).length).toBe(before);
  });
});
