import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentGrants } from '../../db/schema/consent.ts';
import { calendarSubscriptions, meetingAttendance } from '../../db/schema/my-meetings.ts';
import { createAgent } from '../../test/agent.ts';
import { buildPerson, type Person, setUpOrganization } from '../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../test/harness.ts';
import { loadMeetings, meetingIdBySlug, todayIn, went } from './my-meetings.fixtures.ts';

// Proof of attendance (codes, secretaries, limits on tries) is in my-meetings.codes.test.ts.

let t: TestApp;
let admin: Person;
let id: (slug: string) => string;

beforeAll(async () => {
  t = await buildTestApp();
  admin = await setUpOrganization(t);
  id = meetingIdBySlug(await loadMeetings(t));
});
afterAll(async () => t.close());

describe('saved meetings', () => {
  it('owner saves, lists with the next start in their zone, unsaves; others and anonymous see nothing of it', async () => {
    const ana = await buildPerson(t);
    const ben = await buildPerson(t);
    expect((await ana.agent.put(`/api/me/meetings/${id('ny-monday')}`)).status).toBe(204);
    expect((await ana.agent.put(`/api/me/meetings/${id('ny-monday')}`)).status).toBe(204);
    expect((await ana.agent.put(`/api/me/meetings/${id('by-appointment')}`)).status).toBe(204);

    const list = await ana.agent.get('/api/me/meetings');
    expect(list.status).toBe(200);
    expect(list.body.timezone).toBe('America/Chicago');
    expect(list.body.items.map((i: { slug: string }) => i.slug)).toEqual(['ny-monday', 'by-appointment']);
    const [monday, appointment] = list.body.items;
    const start = DateTime.fromISO(monday.nextStart, { zone: 'America/New_York' });
    expect([start.weekday, start.toFormat('HH:mm')]).toEqual([1, '19:00']);
    // Still on (ends at 20:00) or ahead, and never more than a week away.
    expect(start.diffNow('days').days).toBeGreaterThan(-1 / 24);
    expect(start.diffNow('days').days).toBeLessThanOrEqual(7);
    // 19:00 in New York is 18:00 in Chicago (the member's zone), both sides of DST.
    expect(monday.startsLocal).toEqual({ date: start.setZone('America/Chicago').toISODate(), time: '18:00', weekday: 1 });
    expect(appointment).toMatchObject({ nextStart: null, startsLocal: null });

    expect((await ben.agent.get('/api/me/meetings')).body.items).toEqual([]);
    expect((await ben.agent.delete(`/api/me/meetings/${id('ny-monday')}`)).status).toBe(404);
    expect((await ana.agent.get('/api/me/meetings')).body.items).toHaveLength(2);
    expect((await ana.agent.get(`/api/me/meetings/${id('ny-monday')}`)).body).toMatchObject({ saved: true, canIssueCode: false });
    expect((await ben.agent.get(`/api/me/meetings/${id('ny-monday')}`)).body).toMatchObject({ saved: false });

    const anonymous = createAgent(t.app);
    expect((await anonymous.get('/api/me/meetings')).status).toBe(401);
    expect((await anonymous.put(`/api/me/meetings/${id('ny-monday')}`)).status).toBe(401);

    expect((await ana.agent.delete(`/api/me/meetings/${id('ny-monday')}`)).status).toBe(204);
    expect((await ana.agent.delete(`/api/me/meetings/${id('ny-monday')}`)).status).toBe(404);
    expect((await ana.agent.get('/api/me/meetings')).body.items.map((i: { slug: string }) => i.slug)).toEqual(['by-appointment']);
  });

  it('refuses an unknown meeting (404) and a malformed id (400)', async () => {
    const ana = await buildPerson(t);
    expect((await ana.agent.put('/api/me/meetings/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await ana.agent.put('/api/me/meetings/not-an-id')).status).toBe(400);
  });
});

describe('"I went"', () => {
  it('logs today in the meeting’s zone once: a repeat is 200 with the same entry', async () => {
    const ana = await buildPerson(t);
    const first = await went(ana, { meetingId: id('chicago-poa') });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ meetingName: 'Court Card Group', attendedOn: todayIn('America/Chicago'), verified: false });
    const again = await went(ana, { meetingId: id('chicago-poa') });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const rows = await t.database.db.select().from(meetingAttendance).where(eq(meetingAttendance.personId, ana.id));
    expect(rows).toHaveLength(1);
  });

  it('refuses a day not begun there, and one older than 30 days; accepts exactly 30 days back', async () => {
    const ana = await buildPerson(t);
    const zone = 'America/New_York';
    const future = await went(ana, { meetingId: id('ny-monday'), attendedOn: todayIn(zone, 1) });
    expect(future.status).toBe(400);
    expect(future.body.error.fields[0].path).toBe('body.attendedOn');
    expect((await went(ana, { meetingId: id('ny-monday'), attendedOn: todayIn(zone, -31) })).status).toBe(400);
    expect((await went(ana, { meetingId: id('by-appointment'), attendedOn: todayIn(zone, -31) })).status).toBe(400);
    expect((await went(ana, { meetingId: id('by-appointment'), attendedOn: todayIn(zone, -30) })).status).toBe(201);
    for (const bad of [
      { meetingId: 'x' },
      { meetingId: id('ny-monday'), attendedOn: '2026-02-30' },
      { meetingId: id('ny-monday'), extra: 1 },
      {},
    ]) {
      expect((await went(ana, bad)).status, JSON.stringify(bad)).toBe(400);
    }
    expect((await went(ana, { meetingId: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
  });

  it('pages the history newest first; only the owner can delete an entry', async () => {
    const ana = await buildPerson(t);
    const ben = await buildPerson(t);
    for (let d = 0; d <= 30; d += 1) {
      expect((await went(ana, { meetingId: id('by-appointment'), attendedOn: todayIn('America/New_York', -d) })).status).toBe(201);
    }
    const first = await ana.agent.get('/api/me/meeting-attendance');
    expect(first.body.items).toHaveLength(30);
    expect(first.body.items[0].attendedOn).toBe(todayIn('America/New_York'));
    const second = await ana.agent.get(`/api/me/meeting-attendance?cursor=${first.body.nextCursor}`);
    expect(second.body).toMatchObject({ nextCursor: null, items: [{ attendedOn: todayIn('America/New_York', -30) }] });
    expect((await ana.agent.get('/api/me/meeting-attendance?cursor=nonsense')).status).toBe(400);
    expect((await ben.agent.get('/api/me/meeting-attendance')).body.items).toEqual([]);

    const entry = first.body.items[0].id;
    expect((await ben.agent.delete(`/api/me/meeting-attendance/${entry}`)).status).toBe(404);
    expect((await createAgent(t.app).delete(`/api/me/meeting-attendance/${entry}`)).status).toBe(401);
    expect((await ana.agent.delete(`/api/me/meeting-attendance/${entry}`)).status).toBe(204);
    expect((await ana.agent.delete(`/api/me/meeting-attendance/${entry}`)).status).toBe(404);
  });

  it('refuses a day the meeting does not meet (400), so it never counts towards a weekly goal', async () => {
    const ana = await buildPerson(t);
    const zone = 'America/New_York';
    // The last Monday, and the day after it, both within the last week in New York.
    const back = (DateTime.now().setZone(zone).weekday - 1 + 7) % 7;
    const monday = todayIn(zone, -back);
    const tuesdayOrSunday = todayIn(zone, back === 0 ? -1 : -back + 1);
    const refused = await went(ana, { meetingId: id('ny-monday'), attendedOn: tuesdayOrSunday });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('Monday Night meets on Mondays');
    expect(refused.body.error.fields).toEqual([{ path: 'body.attendedOn', message: 'Not a day this meeting meets' }]);
    expect(await t.database.db.select().from(meetingAttendance).where(eq(meetingAttendance.personId, ana.id))).toEqual([]);
    expect((await went(ana, { meetingId: id('ny-monday'), attendedOn: monday })).status).toBe(201);
    // A meeting by appointment (here online) has no weekly day: any past day within the limit.
    expect((await went(ana, { meetingId: id('by-appointment'), attendedOn: tuesdayOrSunday })).status).toBe(201);
  });

  it('concurrent repeats make one entry (one 201, the rest 200)', async () => {
    const ana = await buildPerson(t);
    const replies = await Promise.all(Array.from({ length: 6 }, () => went(ana, { meetingId: id('chicago-poa') })));
    expect(replies.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(replies.map((r) => r.body.id)).size).toBe(1);
  });
});
describe('the private calendar of saved meetings', () => {
  it('serves every scheduled saved meeting weekly with its zone; rotation and revocation end the old address', async () => {
    const ana = await buildPerson(t);
    for (const slug of ['ny-monday', 'line-islands', 'by-appointment']) await ana.agent.put(`/api/me/meetings/${id(slug)}`);
    expect((await ana.agent.get('/api/me/meetings/calendar')).body).toEqual({ active: false, createdAt: null });
    const made = await ana.agent.post('/api/me/meetings/calendar');
    expect(made.status).toBe(201);
    expect(made.body.url).toMatch(/^http:\/\/localhost:3000\/api\/calendars\/meetings\/[\w-]{43}\.ics$/);
    const path = (url: string) => new URL(url).pathname;
    const anonymous = createAgent(t.app);
    const file = await anonymous.raw({ method: 'GET', url: path(made.body.url) });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('text/calendar');
    const calendar = new ICAL.Component(ICAL.parse(file.body));
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events.map((e) => e.summary).sort()).toEqual(['Line Islands Sunrise', 'Monday Night']);
    const monday = events.find((e) => e.summary === 'Monday Night') as ICAL.Event;
    expect(monday.component.getFirstPropertyValue('rrule')?.toString()).toBe('FREQ=WEEKLY;BYDAY=MO');
    expect(monday.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('America/New_York');
    expect(monday.startDate.toString()).toMatch(/T19:00:00$/);
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
    const startUtc = DateTime.fromJSDate(monday.startDate.toJSDate()).setZone('America/New_York');
    expect([startUtc.weekday, startUtc.toFormat('HH:mm')]).toEqual([1, '19:00']);
    expect(
      calendar
        .getAllSubcomponents('vtimezone')
        .map((z) => z.getFirstPropertyValue('tzid'))
        .sort(),
    ).toEqual(['America/New_York', 'Pacific/Kiritimati']);
    // The token itself is nowhere in the database.
    const [stored] = await t.database.db.select().from(calendarSubscriptions).where(eq(calendarSubscriptions.personId, ana.id));
    expect(made.body.url).not.toContain(stored?.tokenHash);

    const rotated = await ana.agent.post('/api/me/meetings/calendar');
    expect(rotated.body.url).not.toBe(made.body.url);
    expect((await anonymous.raw({ method: 'GET', url: path(made.body.url) })).statusCode).toBe(404);
    expect((await anonymous.raw({ method: 'GET', url: path(rotated.body.url) })).statusCode).toBe(200);
    expect((await ana.agent.get('/api/me/meetings/calendar')).body.active).toBe(true);
    expect((await ana.agent.delete('/api/me/meetings/calendar')).status).toBe(204);
    expect((await anonymous.raw({ method: 'GET', url: path(rotated.body.url) })).statusCode).toBe(404);
    expect(
      (await anonymous.raw({ method: 'GET', url: '/api/calendars/meetings/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics' })).statusCode,
    ).toBe(404);
    expect((await anonymous.raw({ method: 'GET', url: '/api/calendars/meetings/short.ics' })).statusCode).toBe(400);
    expect((await createAgent(t.app).post('/api/me/meetings/calendar')).status).toBe(401);
  });
});

describe('attendance in plans and the shared summary', () => {
  const goal = (meetingsPerWeek?: number) => ({
    id: 'g1',
    domain: 'community',
    title: 'Go to meetings',
    steps: [],
    status: 'in_progress',
    ...(meetingsPerWeek === undefined ? {} : { meetingsPerWeek }),
  });
  const plan = (goals: unknown[], baseVersion: number) => ({
    content: { goals, triggers: [], copingStrategies: [], supportPeople: [] },
    baseVersion,
  });

  it('a weekly meeting goal shows this week’s meetings to the member and to a reader with the plan grant', async () => {
    const ana = await buildPerson(t);
    const coach = await buildPerson(t, { roles: ['coach'] });
    const stranger = await buildPerson(t);
    expect((await ana.agent.put('/api/me/plan', plan([goal(15)], 0))).status).toBe(400);
    expect((await ana.agent.put('/api/me/plan', plan([goal(0)], 0))).status).toBe(400);
    const saved = await ana.agent.put('/api/me/plan', plan([goal(3), { ...goal(), id: 'g2' }], 0));
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const monday = DateTime.now().setZone('America/Chicago').startOf('week').toISODate();
    expect(saved.body.meetingProgress).toEqual([{ goalId: 'g1', target: 3, attended: 0, weekStart: monday }]);

    // Today and last Monday-or-earlier days: only this week's count (the meeting is in the member's zone).
    await went(ana, { meetingId: id('chicago-poa') });
    await went(ana, {
      meetingId: id('by-appointment'),
      attendedOn: DateTime.fromISO(monday as string)
        .minus({ days: 1 })
        .toISODate(),
    });
    const own = await ana.agent.get('/api/me/plan');
    expect(own.body.meetingProgress).toEqual([{ goalId: 'g1', target: 3, attended: 1, weekStart: monday }]);

    await t.database.db
      .insert(consentGrants)
      .values({ grantorId: ana.id, granteeId: coach.id, scopes: ['plan', 'checkins.summary'], purpose: 'Peer coaching' });
    const shared = await coach.agent.get(`/api/people/${ana.id}/plan`);
    expect(shared.status).toBe(200);
    expect(shared.body.meetingProgress).toEqual(own.body.meetingProgress);
    expect((await stranger.agent.get(`/api/people/${ana.id}/plan`)).status).toBe(404);
  });

  it('the check-in summary counts meetings of the last 7 days in the member’s zone', async () => {
    const ana = await buildPerson(t);
    const partner = await buildPerson(t);
    const stranger = await buildPerson(t);
    for (const days of [0, -7]) await went(ana, { meetingId: id('chicago-poa'), attendedOn: todayIn('America/Chicago', days) });
    await went(ana, { meetingId: id('by-appointment'), attendedOn: todayIn('America/Chicago', -6) });
    // Another zone's meeting counts by its own local day (yesterday in Chicago is never ahead in New York).
    await went(ana, { meetingId: id('by-appointment'), attendedOn: todayIn('America/Chicago', -1) });
    await t.database.db
      .insert(consentGrants)
      .values({ grantorId: ana.id, granteeId: partner.id, scopes: ['checkins.summary'], purpose: 'Accountability partners' });
    const summary = await partner.agent.get(`/api/people/${ana.id}/checkins/summary`);
    expect(summary.status).toBe(200);
    expect(summary.body).toEqual({ checkedInToday: false, currentStreak: 0, lastCheckinDate: null, meetingsLast7Days: 3 });
    expect((await stranger.agent.get(`/api/people/${ana.id}/checkins/summary`)).status).toBe(404);
  });
});

describe('my data', () => {
  it('exports saved meetings, attendance, secretary roles and whether a calendar address exists (never the token); deletion erases them', async () => {
    const ana = await buildPerson(t);
    await ana.agent.put(`/api/me/meetings/${id('ny-monday')}`);
    await went(ana, { meetingId: id('chicago-poa') });
    await admin.agent.put(`/api/meetings/${id('chicago-poa')}/secretaries/${ana.id}`);
    const { url } = (await ana.agent.post('/api/me/meetings/calendar')).body;
    const exported = await ana.agent.get('/api/me/export');
    expect(exported.status).toBe(200);
    expect(exported.body.meetings).toMatchObject({
      saved: [{ meetingId: id('ny-monday'), name: 'Monday Night' }],
      attendance: [{ meetingName: 'Court Card Group', verified: false }],
      secretaryOf: [{ meetingId: id('chicago-poa'), name: 'Court Card Group' }],
      calendarSubscription: { createdAt: expect.any(String) },
    });
    const token = /meetings\/([\w-]+)\.ics/.exec(url)?.[1] as string;
    expect(JSON.stringify(exported.body)).not.toContain(token);

    const gone = await ana.agent.post('/api/me/delete-account', { password: 'correct horse battery staple', confirm: 'DELETE' });
    expect(gone.status, JSON.stringify(gone.body)).toBe(200);
    const erased = Object.fromEntries(gone.body.erased.map((e: { what: string; count: number }) => [e.what, e.count]));
    expect(erased).toMatchObject({
      'saved meetings': 1,
      'meeting attendance': 1,
      'meeting secretary roles': 1,
      'meetings calendar address': 1,
    });
    const db = t.database.db;
    expect(await db.select().from(meetingAttendance).where(eq(meetingAttendance.personId, ana.id))).toEqual([]);
    expect(await db.select().from(calendarSubscriptions).where(eq(calendarSubscriptions.personId, ana.id))).toEqual([]);
    expect((await admin.agent.get(`/api/meetings/${id('chicago-poa')}/secretaries`)).body.items).toEqual([]);
    expect((await createAgent(t.app).raw({ method: 'GET', url: new URL(url).pathname })).statusCode).toBe(404);
  });
});
