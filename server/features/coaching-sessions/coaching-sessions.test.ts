import { and, eq, like } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coachingSessions } from '../../db/schema/coaching-sessions.ts';
import { outbox } from '../../db/schema/mail.ts';
import { notifications } from '../../db/schema/notifications.ts';
import { buildCoachingRelationship } from '../../test/coaching-factories.ts';
import { buildPerson, type Person, setUpOrganization } from '../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../test/harness.ts';
import { runSessionReminderSweep } from './coaching-sessions.sweep.ts';

let t: TestApp;
let coach: Person;
let member: Person;
let otherCoach: Person;
let stranger: Person;
let supervisor: Person;
let relationshipId: string;

beforeAll(async () => {
  t = await buildTestApp();
  await setUpOrganization(t);
  coach = await buildPerson(t, { roles: ['coach'], alias: 'Coach Sam' });
  member = await buildPerson(t, { alias: 'River' });
  otherCoach = await buildPerson(t, { roles: ['coach'] });
  stranger = await buildPerson(t);
  supervisor = await buildPerson(t, { roles: ['supervisor'] });
  relationshipId = (await buildCoachingRelationship(t, { coachId: coach.id, memberId: member.id, scopes: ['clock'] })).id;
});
afterAll(async () => t.close());

const HOUR = 3_600_000;
/** A whole minute `hours` from now, as ISO with an offset. */
const inHours = (hours: number) => new Date(Math.ceil((Date.now() + hours * HOUR) / 60_000) * 60_000).toISOString();
const sessionsUrl = (id = relationshipId) => `/api/coaching/relationships/${id}/sessions`;
const phone = (hours = 48) => ({ scheduledAt: inHours(hours), durationMinutes: 45, contactType: 'phone' });

async function schedule(body: Record<string, unknown> = phone()) {
  const response = await coach.agent.post(sessionsUrl(), body);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}
function expectField(response: { status: number; body: any }, path: string) {
  expect(response.status, JSON.stringify(response.body)).toBe(400);
  expect(response.body.error.fields.map((f: { path: string }) => f.path)).toContain(`body.${path}`);
}
const notificationsOf = (person: Person, sessionId: string) =>
  t.database.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, person.id), like(notifications.dedupeKey, `%:${sessionId}:%`)));

describe('scheduling a session', () => {
  it('books a phone session, notifies both people, and lists it for the member, the coach and a supervisor', async () => {
    const body = { ...phone(30), message: 'Looking forward to it' };
    const session = await schedule(body);
    expect(session).toMatchObject({
      relationshipId,
      coach: { id: coach.id, alias: 'Coach Sam' },
      member: { id: member.id, alias: 'River' },
      scheduledAt: body.scheduledAt,
      durationMinutes: 45,
      contactType: 'phone',
      location: null,
      videoUrl: null,
      status: 'scheduled',
      noteId: null,
    });
    const [toMember] = await notificationsOf(member, session.id);
    expect(toMember).toMatchObject({
      kind: 'coaching_session',
      title: 'New coaching session',
      link: `/coaching/relationships/${relationshipId}`,
    });
    expect(toMember?.body).toContain('From your coach: Looking forward to it');
    const [toCoach] = await notificationsOf(coach, session.id);
    expect(toCoach?.body).not.toContain('Looking forward');
    const mine = await member.agent.get('/api/me/notifications');
    expect(mine.status).toBe(200);
    expect(mine.body.notifications.map((n: { kind: string }) => n.kind)).toContain('coaching_session');

    for (const reader of [member, coach, supervisor]) {
      const list = await reader.agent.get(sessionsUrl());
      expect(list.status).toBe(200);
      expect(list.body.sessions.map((s: { id: string }) => s.id)).toContain(session.id);
    }
    expect((await member.agent.get(sessionsUrl())).body.relationship).toMatchObject({ viewer: 'member', status: 'active' });
    expect((await coach.agent.get(sessionsUrl())).body.relationship.viewer).toBe('coach');
    expect((await supervisor.agent.get(sessionsUrl())).body.relationship.viewer).toBe('supervisor');
    for (const outsider of [otherCoach, stranger]) expect((await outsider.agent.get(sessionsUrl())).status).toBe(404);

    const upcomingMember = await member.agent.get('/api/coaching/sessions/upcoming');
    expect(upcomingMember.body.sessions.map((s: { id: string }) => s.id)).toContain(session.id);
    const upcomingCoach = await coach.agent.get('/api/coaching/sessions/upcoming');
    expect(upcomingCoach.body.sessions.map((s: { id: string }) => s.id)).toContain(session.id);
    expect((await stranger.agent.get('/api/coaching/sessions/upcoming')).body.sessions).toEqual([]);
  });

  it('books in person with a place and by video with an https link only', async () => {
    const inPerson = await schedule({ ...phone(), contactType: 'in_person', location: 'Harbor center, room 2' });
    expect(inPerson.location).toBe('Harbor center, room 2');
    const video = await schedule({ ...phone(), contactType: 'video', videoUrl: 'https://meet.example.org/river' });
    expect(video.videoUrl).toBe('https://meet.example.org/river');
    for (const videoUrl of [
      'http://meet.example.org/x',
      'javascript:alert(1)',
      'https://user:pw@meet.example.org/',
      'https://10.0.0.1/x',
      'not a url',
    ]) {
      expectField(await coach.agent.post(sessionsUrl(), { ...phone(), contactType: 'video', videoUrl }), 'videoUrl');
    }
    expectField(await coach.agent.post(sessionsUrl(), { ...phone(), contactType: 'video' }), 'videoUrl');
    expectField(await coach.agent.post(sessionsUrl(), { ...phone(), videoUrl: 'https://meet.example.org/x' }), 'videoUrl');
    expectField(await coach.agent.post(sessionsUrl(), { ...phone(), location: 'Somewhere' }), 'location');
  });

  it('refuses a time in the past, more than a year ahead, without an offset, or a bad length', async () => {
    expectField(await coach.agent.post(sessionsUrl(), phone(-1)), 'scheduledAt');
    expectField(await coach.agent.post(sessionsUrl(), phone(24 * 400)), 'scheduledAt');
    expectField(await coach.agent.post(sessionsUrl(), { ...phone(), scheduledAt: '2030-01-01T10:00:00' }), 'scheduledAt');
    expectField(await coach.agent.post(sessionsUrl(), { ...phone(), durationMinutes: 2 }), 'durationMinutes');
    expectField(await coach.agent.post(sessionsUrl(), { ...phone(), durationMinutes: 600 }), 'durationMinutes');
  });

  it('is the relationship’s coach’s alone (404 for others) and only while the relationship is active (409)', async () => {
    expect((await otherCoach.agent.post(sessionsUrl(), phone())).status).toBe(404);
    expect((await member.agent.post(sessionsUrl(), phone())).status).toBe(404);
    expect((await coach.agent.post(sessionsUrl('00000000-0000-4000-8000-000000000000'), phone())).status).toBe(404);
    const pausedMember = await buildPerson(t);
    const paused = await buildCoachingRelationship(t, { coachId: coach.id, memberId: pausedMember.id, scopes: [], status: 'paused' });
    const refused = await coach.agent.post(sessionsUrl(paused.id), phone());
    expect(refused.status).toBe(409);
    const closedMember = await buildPerson(t);
    const closed = await buildCoachingRelationship(t, { coachId: coach.id, memberId: closedMember.id, scopes: [], status: 'closed' });
    expect((await coach.agent.post(sessionsUrl(closed.id), phone())).status).toBe(404);
    expect((await coach.agent.get(sessionsUrl(closed.id))).status).toBe(404);
    expect((await closedMember.agent.get(sessionsUrl(closed.id))).status).toBe(200);
  });
});

describe('changing, cancelling and completing', () => {
  it('moves a session and notifies both; the member cannot', async () => {
    const session = await schedule();
    const later = inHours(72);
    expect((await member.agent.patch(`/api/coaching/sessions/${session.id}`, { scheduledAt: later })).status).toBe(404);
    expect((await otherCoach.agent.patch(`/api/coaching/sessions/${session.id}`, { scheduledAt: later })).status).toBe(404);
    const moved = await coach.agent.patch(`/api/coaching/sessions/${session.id}`, { scheduledAt: later, durationMinutes: 30 });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ scheduledAt: later, durationMinutes: 30 });
    expect((await notificationsOf(member, session.id)).map((n) => n.title)).toContain('Coaching session changed');
    expectField(await coach.agent.patch(`/api/coaching/sessions/${session.id}`, { contactType: 'video' }), 'videoUrl');
    const video = await coach.agent.patch(`/api/coaching/sessions/${session.id}`, {
      contactType: 'video',
      videoUrl: 'https://meet.example.org/a',
    });
    expect(video.body).toMatchObject({ contactType: 'video', videoUrl: 'https://meet.example.org/a' });
    expectField(await coach.agent.patch(`/api/coaching/sessions/${session.id}`, { scheduledAt: inHours(-2) }), 'scheduledAt');
  });

  it('cancels once, tells the member, and refuses completing a session that has not happened', async () => {
    const session = await schedule();
    const early = await coach.agent.post(`/api/coaching/sessions/${session.id}/status`, { status: 'completed' });
    expect(early.status).toBe(409);
    expect((await member.agent.post(`/api/coaching/sessions/${session.id}/status`, { status: 'cancelled' })).status).toBe(404);
    const cancelled = await coach.agent.post(`/api/coaching/sessions/${session.id}/status`, { status: 'cancelled' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect((await notificationsOf(member, session.id)).map((n) => n.title)).toContain('Coaching session cancelled');
    expect((await coach.agent.post(`/api/coaching/sessions/${session.id}/status`, { status: 'cancelled' })).status).toBe(409);
    expect((await coach.agent.patch(`/api/coaching/sessions/${session.id}`, { durationMinutes: 20 })).status).toBe(409);
    const upcoming = await member.agent.get('/api/coaching/sessions/upcoming');
    expect(upcoming.body.sessions.map((s: { id: string }) => s.id)).not.toContain(session.id);
  });

  it('records a past session as completed or missed', async () => {
    const session = await schedule();
    await t.database.db
      .update(coachingSessions)
      .set({ scheduledAt: new Date(Date.now() - 2 * HOUR) })
      .where(eq(coachingSessions.id, session.id));
    const done = await coach.agent.post(`/api/coaching/sessions/${session.id}/status`, { status: 'completed' });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('completed');
    expect((await coach.agent.post(`/api/coaching/sessions/${session.id}/status`, { status: 'missed' })).status).toBe(409);
  });
});

describe('the calendar file', () => {
  it('is an iCalendar event with the session’s instant, length, neutral summary and place, in CRLF lines', async () => {
    const session = await schedule({ ...phone(50), contactType: 'video', videoUrl: 'https://meet.example.org/river?room=a,b;c' });
    const response = await member.agent.raw({ method: 'GET', url: `/api/coaching/sessions/${session.id}/calendar.ics` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/calendar/);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="coaching-session-\d{4}-\d{2}-\d{2}\.ics"$/);
    const text = response.body;
    expect(text.split('\r\n').length).toBeGreaterThan(10);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(text).toContain('METHOD:PUBLISH');
    expect(text).toContain('BEGIN:VTIMEZONE');
    const calendar = new ICAL.Component(ICAL.parse(text));
    const vevent = calendar.getFirstSubcomponent('vevent');
    if (!vevent) throw new Error('no VEVENT');
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
    const event = new ICAL.Event(vevent);
    expect(event.startDate.toJSDate().toISOString()).toBe(session.scheduledAt);
    expect(event.endDate.toJSDate().getTime() - event.startDate.toJSDate().getTime()).toBe(45 * 60_000);
    expect(vevent.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('America/Chicago');
    expect(event.summary).toBe('Coaching session (video)');
    expect(event.uid).toBe(`${session.id}@kinship`);
    expect(event.location).toBe('https://meet.example.org/river?room=a,b;c');
    expect(event.description).toContain('Coach Sam');
    expect(event.description).not.toMatch(/River/);
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');

    // The coach's copy has the same UID; after cancelling, the file says so.
    await coach.agent.post(`/api/coaching/sessions/${session.id}/status`, { status: 'cancelled' });
    const again = await coach.agent.raw({ method: 'GET', url: `/api/coaching/sessions/${session.id}/calendar.ics` });
    const cancelled = new ICAL.Component(ICAL.parse(again.body)).getFirstSubcomponent('vevent');
    expect(cancelled?.getFirstPropertyValue('uid')).toBe(`${session.id}@kinship`);
    expect(cancelled?.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(Number(cancelled?.getFirstPropertyValue('sequence'))).toBeGreaterThanOrEqual(Number(vevent.getFirstPropertyValue('sequence')));
  });

  it('is for the two participants only', async () => {
    const session = await schedule();
    for (const outsider of [otherCoach, stranger, supervisor]) {
      const response = await outsider.agent.raw({ method: 'GET', url: `/api/coaching/sessions/${session.id}/calendar.ics` });
      expect(response.statusCode).toBe(404);
    }
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/coaching/sessions/${session.id}/calendar.ics` });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('reminders', () => {
  it('sends a day ahead and an hour ahead, in the app and by email, once each', async () => {
    const session = await schedule(phone(24 * 5));
    const at = new Date(session.scheduledAt).getTime();
    const sweep = (msBefore: number) => runSessionReminderSweep({ ctx: t.app.ctx, now: new Date(at - msBefore) });
    const emailsTo = (person: Person) => t.database.db.select().from(outbox).where(eq(outbox.to, person.email));
    const remindersOf = async (person: Person) =>
      (await notificationsOf(person, session.id)).filter((n) => n.dedupeKey.includes('reminder')).map((n) => n.title);
    const memberEmails = (await emailsTo(member)).length;

    await sweep(25 * HOUR);
    expect(await remindersOf(member)).toEqual([]);

    const first = await sweep(24 * HOUR - 60_000);
    expect(first.created).toBe(2);
    expect(first.emailed).toBe(2);
    expect(await remindersOf(member)).toEqual(['Coaching session tomorrow']);
    expect(await remindersOf(coach)).toEqual(['Coaching session tomorrow']);
    expect(await sweep(23 * HOUR)).toEqual({ created: 0, emailed: 0 });

    const second = await sweep(HOUR - 60_000);
    expect(second).toEqual({ created: 2, emailed: 2 });
    expect((await remindersOf(member)).sort()).toEqual(['Coaching session in an hour', 'Coaching session tomorrow']);
    expect(await sweep(30 * 60_000)).toEqual({ created: 0, emailed: 0 });

    const emails = (await emailsTo(member)).slice(memberEmails);
    expect(emails).toHaveLength(2);
    for (const email of emails) {
      expect(email.subject).toBe('A reminder from Kinship');
      expect(email.text).toContain('Session (phone)');
      expect(email.text).not.toMatch(/Coach Sam|River|note|goal|referral/i);
    }
    expect(await sweep(-60_000)).toEqual({ created: 0, emailed: 0 });
  });

  it('sends nothing for a cancelled session, and no day-ahead reminder for one booked the same day', async () => {
    const cancelled = await schedule(phone(24 * 6));
    await coach.agent.post(`/api/coaching/sessions/${cancelled.id}/status`, { status: 'cancelled' });
    const atCancelled = new Date(cancelled.scheduledAt).getTime();
    await runSessionReminderSweep({ ctx: t.app.ctx, now: new Date(atCancelled - HOUR + 60_000) });
    expect((await notificationsOf(member, cancelled.id)).filter((n) => n.dedupeKey.includes('reminder'))).toEqual([]);

    const soon = await schedule(phone(3));
    const atSoon = new Date(soon.scheduledAt).getTime();
    await runSessionReminderSweep({ ctx: t.app.ctx, now: new Date(atSoon - 2 * HOUR) });
    expect((await notificationsOf(member, soon.id)).filter((n) => n.dedupeKey.includes('reminder'))).toEqual([]);
    await runSessionReminderSweep({ ctx: t.app.ctx, now: new Date(atSoon - 30 * 60_000) });
    expect((await notificationsOf(member, soon.id)).filter((n) => n.dedupeKey.includes('reminder')).map((n) => n.title)).toEqual([
      'Coaching session in an hour',
    ]);
  });
});

describe('before acceptance and after the end', () => {
  it('a proposed coach sees nothing of the relationship: not its sessions, notes or referrals, not even the member’s alias', async () => {
    const waiting = await buildPerson(t, { alias: 'Not Yet Accepted' });
    const proposed = await buildCoachingRelationship(t, { coachId: coach.id, memberId: waiting.id, scopes: [], status: 'proposed' });
    for (const part of ['sessions', 'notes', 'referrals']) {
      const response = await coach.agent.get(`/api/coaching/relationships/${proposed.id}/${part}`);
      expect(response.status, part).toBe(404);
      expect(JSON.stringify(response.body)).not.toContain('Not Yet Accepted');
    }
    expect((await coach.agent.post(sessionsUrl(proposed.id), phone())).status).toBe(404);
    // The member sees their own (empty) schedule.
    expect((await waiting.agent.get(sessionsUrl(proposed.id))).status).toBe(200);
  });

  it('closing the relationship cancels its booked sessions: no reminders, and the former coach’s list no longer shows the member', async () => {
    const leaving = await buildPerson(t, { alias: 'Leaving Soon' });
    const rel = await buildCoachingRelationship(t, { coachId: coach.id, memberId: leaving.id, scopes: [] });
    const booked = await coach.agent.post(sessionsUrl(rel.id), phone(30));
    expect(booked.status).toBe(201);
    const closed = await leaving.agent.post(`/api/coaching/relationships/${rel.id}/close`, { reason: 'Moving away' });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);

    const upcoming = await coach.agent.get('/api/coaching/sessions/upcoming');
    expect(upcoming.body.sessions.map((s: { id: string }) => s.id)).not.toContain(booked.body.id);
    expect(JSON.stringify(upcoming.body)).not.toContain('Leaving Soon');
    const own = await leaving.agent.get(sessionsUrl(rel.id));
    expect(own.body.sessions.map((s: { id: string; status: string }) => [s.id, s.status])).toEqual([[booked.body.id, 'cancelled']]);
    await runSessionReminderSweep({ ctx: t.app.ctx, now: new Date(new Date(booked.body.scheduledAt).getTime() - HOUR + 60_000) });
    for (const person of [coach, leaving]) {
      expect((await notificationsOf(person, booked.body.id)).filter((n) => n.dedupeKey.includes('reminder'))).toEqual([]);
    }
  });
});
