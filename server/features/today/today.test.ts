import { and, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Today } from '../../../shared/contracts/today.ts';
import { coachingSessions } from '../../db/schema/coaching-sessions.ts';
import { accessLog } from '../../db/schema/consent.ts';
import { addDays, todayIn } from '../../lib/dates.ts';
import { createAgent } from '../../test/agent.ts';
import { buildCoachingRelationship } from '../../test/coaching-factories.ts';
import { buildPerson, type Person, setUpOrganization } from '../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../test/harness.ts';
import { loadMeetings, meetingIdBySlug } from '../my-meetings/my-meetings.fixtures.ts';

let t: TestApp;
let admin: Person;
let meetingId: (slug: string) => string;

beforeAll(async () => {
  t = await buildTestApp();
  admin = await setUpOrganization(t);
  meetingId = meetingIdBySlug(await loadMeetings(t));
});
afterAll(async () => t.close());

// Test people live in America/Chicago (factories.ts).
const ZONE = 'America/Chicago';
const today = () => todayIn(ZONE);

async function todayOf(person: Person): Promise<Today> {
  const response = await person.agent.get<Today>('/api/me/today');
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

async function checkIn(person: Person, date: string, craving = 2) {
  const response = await person.agent.put(`/api/me/checkins/${date}`, { mood: 3, craving, used: 'no' });
  expect(response.status, JSON.stringify(response.body)).toBeLessThan(300);
}

async function startClock(person: Person, daysAgo: number, label = 'Alcohol') {
  const startedAt = new Date(Date.now() - daysAgo * 86_400_000 - 3_600_000).toISOString();
  const response = await person.agent.post('/api/me/clocks', { label, kind: 'abstinence', startedAt });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
}

/** An event `hoursAhead` from now, made by the admin (an organizer); returns its id. */
async function createEvent(title: string, hoursAhead: number) {
  const local = (hours: number) =>
    DateTime.now().setZone(ZONE).plus({ hours, minutes: 1 }).startOf('minute').toFormat("yyyy-MM-dd'T'HH:mm");
  const response = await admin.agent.post('/api/events', {
    kind: 'social',
    title,
    startsAt: local(hoursAhead),
    endsAt: local(hoursAhead + 2),
    timezone: ZONE,
    capacity: 10,
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id as string;
}

/** A scheduled session written directly (scheduling refuses the past; this one may be under way). */
async function sessionAt(relationshipId: string, coach: Person, member: Person, at: Date) {
  await t.database.db.insert(coachingSessions).values({
    relationshipId,
    coachId: coach.id,
    memberId: member.id,
    scheduledAt: at,
    durationMinutes: 45,
    contactType: 'phone',
    status: 'scheduled',
  });
}

describe('GET /api/me/today', () => {
  it('is for signed-in people only', async () => {
    expect((await createAgent(t.app).get('/api/me/today')).status).toBe(401);
  });

  it('gives a new member empty parts, each saying there is nothing yet', async () => {
    const member = await buildPerson(t);
    expect(await todayOf(member)).toEqual({
      date: today(),
      timezone: ZONE,
      checkin: { done: false, currentStreak: 0 },
      clocks: [],
      nextSession: null,
      nextMeeting: null,
      nextEvent: null,
      unreadMessages: 0,
      coach: null,
    });
  });

  it("says whether today's check-in is done, with the streak", async () => {
    const member = await buildPerson(t);
    await checkIn(member, addDays(today(), -2));
    await checkIn(member, addDays(today(), -1));
    expect((await todayOf(member)).checkin).toEqual({ done: false, currentStreak: 2 });
    await checkIn(member, today());
    expect((await todayOf(member)).checkin).toEqual({ done: true, currentStreak: 3 });
  });

  it('shows each clock with its days and next milestone', async () => {
    const member = await buildPerson(t);
    await startClock(member, 12);
    const { clocks } = await todayOf(member);
    expect(clocks).toEqual([
      { id: expect.any(String), label: 'Alcohol', currentDays: 12, nextMilestone: expect.objectContaining({ amount: 30, unit: 'days' }) },
    ]);
  });

  it('shows the next saved meeting with a schedule, skipping one by appointment', async () => {
    const member = await buildPerson(t);
    for (const slug of ['by-appointment', 'ny-monday']) {
      expect((await member.agent.put(`/api/me/meetings/${meetingId(slug)}`)).status).toBeLessThan(300);
    }
    const { nextMeeting } = await todayOf(member);
    expect(nextMeeting).toMatchObject({ meetingId: meetingId('ny-monday'), name: 'Monday Night', attendanceMode: 'in_person' });
    expect(DateTime.fromISO(nextMeeting?.nextStart ?? '').setZone('America/New_York').weekday).toBe(1);
  });

  it('shows the next event I am going to, not the ones I did not answer', async () => {
    const member = await buildPerson(t);
    await createEvent('Not answered, sooner', 24);
    const later = await createEvent('Bowling', 48);
    expect((await todayOf(member)).nextEvent).toBeNull();
    expect((await member.agent.put(`/api/events/${later}/rsvp`)).status).toBeLessThan(300);
    expect((await todayOf(member)).nextEvent).toMatchObject({ id: later, title: 'Bowling', myStatus: 'going', status: 'scheduled' });
  });

  it('shows the next session and unread messages; a coach sees sessions of today and flagged clients', async () => {
    const coach = await buildPerson(t, { roles: ['coach'], alias: 'Coach Lee' });
    const member = await buildPerson(t, { alias: 'River' });
    const quiet = await buildPerson(t, { alias: 'Quiet One' });
    const rel = await buildCoachingRelationship(t, {
      coachId: coach.id,
      memberId: member.id,
      scopes: ['checkins.summary', 'checkins.detail'],
    });
    await buildCoachingRelationship(t, { coachId: coach.id, memberId: quiet.id, scopes: [] });

    const emptyCoach = await todayOf(coach);
    expect(emptyCoach.coach).toEqual({ sessionsToday: [], clients: 2, flaggedClients: 0 });
    expect(emptyCoach.checkin).toBeNull();
    expect(emptyCoach.clocks).toBeNull();

    // A session under way now is today's; one tomorrow is not.
    const now = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    await sessionAt(rel.id, coach, member, new Date(now.getTime() + 86_400_000));
    await sessionAt(rel.id, coach, member, now);
    await checkIn(member, today(), 9);

    const opened = await member.agent.post('/api/messages/conversations', { kind: 'coaching', with: coach.id });
    expect(opened.status, JSON.stringify(opened.body)).toBeLessThan(300);
    const sent = await coach.agent.post(`/api/messages/conversations/${opened.body.id}`, { body: 'How are you today?' });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);

    const mine = await todayOf(member);
    expect(mine.nextSession).toMatchObject({
      relationshipId: rel.id,
      scheduledAt: now.toISOString(),
      with: { id: coach.id, alias: 'Coach Lee' },
    });
    expect(mine.unreadMessages).toBe(1);
    expect(mine.coach).toBeNull();

    const coachToday = await todayOf(coach);
    expect(coachToday.nextSession).toMatchObject({ scheduledAt: now.toISOString(), with: { id: member.id, alias: 'River' } });
    expect(coachToday.coach?.sessionsToday.map((s) => s.scheduledAt)).toEqual(
      DateTime.fromJSDate(now).setZone(ZONE).toISODate() === today() ? [now.toISOString()] : [],
    );
    expect(coachToday.coach).toMatchObject({ clients: 2, flaggedClients: 1 });
    expect(coachToday.unreadMessages).toBe(0);

    // The flag count is a read of the client's check-ins: logged like the caseload page.
    const logged = await t.database.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.actorId, coach.id), eq(accessLog.subjectId, member.id)));
    expect(logged.map((row) => row.scope).sort()).toEqual(['checkins.detail', 'checkins.summary']);
  });

  it('gives an ally no check-in, clocks or caseload', async () => {
    const ally = await buildPerson(t, { roles: ['ally'] });
    expect(await todayOf(ally)).toMatchObject({ checkin: null, clocks: null, coach: null, nextSession: null, unreadMessages: 0 });
  });

  it("never shows another person's check-ins, clocks, meetings, events or messages", async () => {
    const busy = await buildPerson(t);
    const quiet = await buildPerson(t);
    await checkIn(busy, today());
    await startClock(busy, 40);
    expect((await busy.agent.put(`/api/me/meetings/${meetingId('ny-monday')}`)).status).toBeLessThan(300);
    const event = await createEvent('Picnic', 30);
    expect((await busy.agent.put(`/api/events/${event}/rsvp`)).status).toBeLessThan(300);
    const coach = await buildPerson(t, { roles: ['coach'] });
    await buildCoachingRelationship(t, { coachId: coach.id, memberId: busy.id, scopes: [] });
    const opened = await busy.agent.post('/api/messages/conversations', { kind: 'coaching', with: coach.id });
    await coach.agent.post(`/api/messages/conversations/${opened.body.id}`, { body: 'Hello' });

    expect(await todayOf(quiet)).toMatchObject({
      checkin: { done: false, currentStreak: 0 },
      clocks: [],
      nextMeeting: null,
      nextEvent: null,
      nextSession: null,
      unreadMessages: 0,
    });
    // A coach whose client granted nothing gets the count, and no flag is derived from anything.
    expect((await todayOf(coach)).coach).toEqual({ sessionsToday: [], clients: 1, flaggedClients: 0 });
  });
});
