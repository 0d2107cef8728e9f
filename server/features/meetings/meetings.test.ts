import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MeetingFinderQuery, MeetingListItem } from '../../../shared/contracts/meetings.ts';
import { meetingListSchema } from '../../../shared/contracts/meetings.ts';
import { meetings } from '../../db/schema/meetings.ts';
import { setUpOrganization } from '../../test/factories.ts';
import { meetingGuideFeed } from '../../test/field-data.ts';
import { buildTestApp, type TestApp } from '../../test/harness.ts';
import { commitImport, isImportError } from '../meeting-sources/meeting-sources.public.ts';
import { isFeedError, normalizeFeed } from './feed/normalize.ts';
import { findMeetings, forgetMeetingZones } from './meetings.finder.ts';
import { feedMeetingOf } from './meetings.service.ts';

const DATA = meetingGuideFeed();

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

/** Replaces the organization's own groups with these Meeting Guide records. */
async function load(records: Record<string, unknown>[], defaultTimezone = 'America/New_York') {
  await t.database.db.delete(meetings);
  const result = await commitImport({ db: t.database.db, sourceId: null, raw: records, defaultTimezone });
  if (isImportError(result)) throw new Error(result.error);
  expect(result.rejected).toEqual([]);
  forgetMeetingZones(t.database.db);
  const rows = await t.database.db.select({ id: meetings.id, slug: meetings.slug }).from(meetings);
  return new Map(rows.map((r) => [r.slug, r.id]));
}

const street = { address: '100 Main St', city: 'Springfield', state: 'NY', postal_code: '10001', country: 'US', approximate: 'no' };
const online = { conference_url: 'https://zoom.us/j/123456789', approximate: 'yes', city: 'Anywhere' };

async function find(query: Partial<MeetingFinderQuery> & { tz: string }, now: string) {
  const result = await findMeetings({
    db: t.database.db,
    query: query as MeetingFinderQuery,
    now: DateTime.fromISO(now, { setZone: true }),
  });
  return meetingListSchema.parse(result);
}

describe('a 19:00 America/New_York meeting across the DST changes', () => {
  beforeAll(async () => {
    await load([
      { slug: 'ny-monday', name: 'Monday Night', day: 1, time: '19:00', end_time: '20:00', timezone: 'America/New_York', ...street },
    ]);
  });
  // Mondays at noon in New York. US: 8 March and 1 November 2026; UK: 29 March and 25 October 2026.
  const cases = [
    { monday: '2026-03-02', utc: '2026-03-03T00:00:00Z', london: ['00:00', 2] },
    { monday: '2026-03-16', utc: '2026-03-16T23:00:00Z', london: ['23:00', 1] },
    { monday: '2026-04-06', utc: '2026-04-06T23:00:00Z', london: ['00:00', 2] },
    { monday: '2026-10-19', utc: '2026-10-19T23:00:00Z', london: ['00:00', 2] },
    { monday: '2026-10-26', utc: '2026-10-26T23:00:00Z', london: ['23:00', 1] },
    { monday: '2026-11-02', utc: '2026-11-03T00:00:00Z', london: ['00:00', 2] },
  ] as const;
  for (const c of cases) {
    it(`week of ${c.monday}: 16:00 in Los Angeles, ${c.london[0]} in London`, async () => {
      const now = `${c.monday}T12:00:00-05:00`;
      const la = await find({ tz: 'America/Los_Angeles' }, now);
      expect(la.items[0]).toMatchObject({
        slug: 'ny-monday',
        nextStart: c.utc,
        startsLocal: { time: '16:00', weekday: 1 },
        status: 'later',
      });
      const london = await find({ tz: 'Europe/London' }, now);
      expect(london.items[0]).toMatchObject({ nextStart: c.utc, startsLocal: { time: c.london[0], weekday: c.london[1] } });
      // A Monday-evening window in London finds it only in the weeks it starts at 23:00 there.
      const window = await find({ tz: 'Europe/London', when: 'window', day: 1, from: '22:30', to: '23:30' }, now);
      expect(window.items.map((i) => i.slug)).toEqual(c.london[0] === '23:00' ? ['ny-monday'] : []);
      const ny = await find({ tz: 'America/New_York', when: 'today' }, now);
      expect(ny.items[0]).toMatchObject({ nextStart: c.utc, startsLocal: { time: '19:00', weekday: 1 } });
    });
  }
});

describe('now, soon, today', () => {
  beforeAll(async () => {
    await load([
      { slug: 'late', name: 'Late Night', day: 6, time: '23:30', end_time: '00:30', ...street },
      { slug: 'late-short', name: 'Late No End', day: 6, time: '22:00', ...street },
      { slug: 'noon-long', name: 'Long Lunch', day: 1, time: '11:00', end_time: '13:00', ...street },
      { slug: 'marathon', name: 'Marathon', day: 1, time: '06:00', end_time: '14:00', ...street },
      { slug: 'half-past', name: 'Half Past', day: 1, time: '12:30', ...street },
      { slug: 'afternoon', name: 'Afternoon', day: 1, time: '15:00', ...street },
      { slug: 'tuesday', name: 'Tuesday', day: 2, time: '08:00', ...street },
    ]);
  });
  it('a 23:30–00:30 meeting is in progress at 00:10 the next day; one without an end lasts 60 minutes', async () => {
    const result = await find({ tz: 'America/New_York', when: 'now' }, '2026-03-01T00:10:00-05:00');
    expect(result.items.map((i) => i.slug)).toEqual(['late']);
    expect(result.items[0]).toMatchObject({ status: 'in_progress', minutesUntilStart: -40, nextStart: '2026-03-01T04:30:00Z' });
    expect((await find({ tz: 'America/New_York', when: 'now' }, '2026-03-01T00:31:00-05:00')).items).toEqual([]);
    const at2250 = await find({ tz: 'America/Chicago', when: 'now' }, '2026-02-28T22:50:00-05:00');
    expect(at2250.items.map((i) => i.slug)).toEqual(['late-short']);
    expect(at2250.items[0]?.startsLocal).toEqual({ time: '21:00', weekday: 6 });
    expect((await find({ tz: 'America/New_York', when: 'now' }, '2026-02-28T23:00:00-05:00')).items).toEqual([]);
  });
  it('soon: starting within 60 minutes; today: later today in the viewer’s zone', async () => {
    const now = '2026-03-02T12:00:00-05:00';
    const current = await find({ tz: 'America/New_York', when: 'now' }, now);
    expect(current.items.map((i) => [i.slug, i.status, i.minutesUntilStart])).toEqual([
      ['marathon', 'in_progress', -360],
      ['noon-long', 'in_progress', -60],
    ]);
    // An eight-hour meeting is looked back for separately (longer than the usual look back).
    expect((await find({ tz: 'America/New_York', when: 'now' }, '2026-03-02T13:59:00-05:00')).items.map((i) => i.slug)).toEqual([
      'marathon',
    ]);
    const soon = await find({ tz: 'America/New_York', when: 'soon' }, now);
    expect(soon.items.map((i) => [i.slug, i.status, i.minutesUntilStart])).toEqual([['half-past', 'starting_soon', 30]]);
    const today = await find({ tz: 'America/New_York', when: 'today' }, now);
    expect(today.items.map((i) => i.slug)).toEqual(['half-past', 'afternoon']);
    expect(today.items[1]).toMatchObject({ status: 'later', minutesUntilStart: 180 });
    // Seen from Tokyo it is already 02:00 Tuesday there: "today" runs to Tokyo's midnight (Tuesday 10:00 in New York).
    const tokyo = await find({ tz: 'Asia/Tokyo', when: 'today' }, now);
    expect(tokyo.items.map((i) => i.slug)).toEqual(['half-past', 'afternoon', 'tuesday']);
    expect(tokyo.items[2]).toMatchObject({ startsLocal: { time: '22:00', weekday: 2 } });
    const tokyoLater = await find({ tz: 'Asia/Tokyo', when: 'today' }, '2026-03-02T16:00:00-05:00');
    expect(tokyoLater.items.map((i) => i.slug)).toEqual(['tuesday']);
  });
  it('any time: every meeting by its next start, the one in progress first', async () => {
    const all = await find({ tz: 'America/New_York' }, '2026-03-02T12:00:00-05:00');
    expect(all.items.map((i) => i.slug)).toEqual(['marathon', 'noon-long', 'half-past', 'afternoon', 'tuesday', 'late-short', 'late']);
  });
});

describe('filters, distance, paging', () => {
  let ids: Map<string, string>;
  beforeAll(async () => {
    const at = (lat: number, lng: number) => ({ ...street, latitude: lat, longitude: lng });
    ids = await load([
      { slug: 'women', name: 'Women', day: 1, time: '19:00', types: ['W', 'O'], ...at(40.75, -73.99) },
      { slug: 'wheel', name: 'Wheelchair', day: 1, time: '19:00', types: ['X', 'S'], ...at(40.8, -73.95) },
      { slug: 'online', name: 'Online', day: 1, time: '19:00', types: ['O'], ...online },
      { slug: 'far', name: 'Far Away', day: 1, time: '19:00', types: ['O'], ...at(42.36, -71.06) },
      { slug: 'closed', name: 'Closed', day: 1, time: '18:00', types: ['C'], ...at(40.7, -74.0) },
      { slug: 'appointment', name: 'By Appointment', ...street },
    ]);
  });
  const now = '2026-03-02T12:00:00-05:00';
  it('attendance mode, type codes, language, accessibility', async () => {
    const slugs = async (q: Partial<MeetingFinderQuery>) =>
      (await find({ tz: 'America/New_York', ...q }, now)).items.map((i) => i.slug).sort();
    expect(await slugs({ mode: ['online'] })).toEqual(['online']);
    expect(await slugs({ mode: ['in_person', 'hybrid'] })).toEqual(['appointment', 'closed', 'far', 'wheel', 'women']);
    expect(await slugs({ types: ['w'] })).toEqual(['women']);
    expect(await slugs({ types: ['O', 'W'] })).toEqual(['women']);
    expect(await slugs({ language: 'es' })).toEqual(['wheel']);
    expect(await slugs({ access: ['X'] })).toEqual(['wheel']);
    const all = await find({ tz: 'America/New_York' }, now);
    expect(all.items.at(-1)).toMatchObject({ slug: 'appointment', nextStart: null, status: null, startsLocal: null });
  });
  it('near: within the radius, nearest first, with the distance', async () => {
    const result = await find({ tz: 'America/New_York', near: '40.75,-73.99', radiusKm: 20 }, now);
    expect(result.items.map((i) => i.slug)).toEqual(['women', 'closed', 'wheel']);
    expect(result.items[0]?.distanceKm).toBe(0);
    expect(result.items[1]?.distanceKm).toBeCloseTo(5.62, 1);
    expect(result.items[2]?.distanceKm).toBeCloseTo(6.5, 1);
    const wide = await find({ tz: 'America/New_York', near: '40.75,-73.99', radiusKm: 400 }, now);
    expect(wide.items.at(-1)).toMatchObject({ slug: 'far' });
    expect(wide.items.at(-1)?.distanceKm).toBeCloseTo(306, -1);
  });
  it('a cursor pages through without repeats or gaps, by next start and by distance', async () => {
    for (const base of [{}, { near: '40.75,-73.99', radiusKm: 400 }]) {
      const whole = await find({ tz: 'Europe/London', ...base }, now);
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await find({ tz: 'Europe/London', ...base, limit: 2, cursor }, now);
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((i) => i.slug));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual(whole.items.map((i) => i.slug));
      expect(new Set(seen).size).toBe(seen.length);
    }
  });
  it('over HTTP: public, validated, and bad input is a 400', async () => {
    const ok = await t.app.inject({ method: 'GET', url: '/api/meetings?tz=America/Chicago&when=window&day=1&from=17:00&to=18:30&types=O' });
    expect(ok.statusCode).toBe(200);
    expect(
      ok
        .json()
        .items.map((i: MeetingListItem) => i.slug)
        .sort(),
    ).toEqual(['far', 'online', 'women']);
    for (const query of [
      'tz=Mars/Olympus',
      'tz=EST',
      '',
      'tz=UTC&near=abc',
      'tz=UTC&near=91,0',
      'tz=UTC&near=40,-73&radiusKm=5000',
      'tz=UTC&types=ZZZ',
      'tz=UTC&when=window&day=1',
      'tz=UTC&when=later',
      'tz=UTC&limit=51',
      'tz=UTC&cursor=nonsense',
      'tz=UTC&access=Q',
    ]) {
      const response = await t.app.inject({ method: 'GET', url: `/api/meetings?${query}` });
      expect(response.statusCode, query).toBe(400);
    }
    const detail = await t.app.inject({ method: 'GET', url: `/api/meetings/${ids.get('wheel')}` });
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({ slug: 'wheel', types: ['S', 'X'], languages: ['es'], address: '100 Main St' });
    const missing = await t.app.inject({ method: 'GET', url: '/api/meetings/00000000-0000-4000-8000-000000000000' });
    expect(missing.statusCode).toBe(404);
  });

  it('an unknown meeting is a 404 whatever the shape of its id, for the page and the calendar file', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-an-id', '12345', 'wheel', 'x'.repeat(100)]) {
      for (const suffix of ['', '/calendar.ics']) {
        const response = await t.app.inject({ method: 'GET', url: `/api/meetings/${id}${suffix}` });
        expect(response.statusCode, `${id}${suffix}`).toBe(404);
        expect(response.json().error).toMatchObject({ code: 'NOT_FOUND', message: 'No such meeting' });
      }
    }
  });
});

describe('search by name', () => {
  beforeAll(async () => {
    await load([
      { slug: 'hope', name: 'Tuesday Night Hope', day: 2, time: '19:00', group: 'Riverside Group', ...street },
      { slug: 'esperanza', name: 'Grupo Esperanza', day: 3, time: '19:00', group: 'Niños del Río', ...street },
      { slug: 'serenity', name: 'Serenity at Noon', day: 4, time: '12:00', ...online },
      { slug: 'appointment', name: 'Hope by Appointment', ...street },
    ]);
  });
  const named = async (q: string, extra = '') => {
    const response = await t.app.inject({ method: 'GET', url: `/api/meetings?tz=America/New_York&q=${encodeURIComponent(q)}${extra}` });
    expect(response.statusCode, q).toBe(200);
    return response
      .json()
      .items.map((i: MeetingListItem) => i.slug)
      .sort();
  };
  it('finds every word in the meeting’s or the group’s name, ignoring case and accents, on the server', async () => {
    expect(await named('hope')).toEqual(['appointment', 'hope']);
    expect(await named('HOPE tues')).toEqual(['hope']);
    expect(await named('riverside')).toEqual(['hope']);
    expect(await named('ninos rio')).toEqual(['esperanza']);
    expect(await named('Niños')).toEqual(['esperanza']);
    expect(await named('nothing like this')).toEqual([]);
    expect(await named('  ')).toEqual(['appointment', 'esperanza', 'hope', 'serenity']);
    // With the other filters.
    expect(await named('hope', '&mode=online')).toEqual([]);
    expect(await named('serenity', '&mode=online')).toEqual(['serenity']);
    const long = await t.app.inject({ method: 'GET', url: `/api/meetings?tz=America/New_York&q=${'x'.repeat(101)}` });
    expect(long.statusCode).toBe(400);
  });
});

describe('calendar file', () => {
  let ids: Map<string, string>;
  beforeEach(async () => {
    ids = await load([
      { slug: 'ny', name: 'Monday; Night, Group', day: 1, time: '19:00', timezone: 'America/New_York', ...street },
      { slug: 'zoom', name: 'Zoom Group', day: 3, time: '07:00', end_time: '07:45', timezone: 'Europe/London', ...online },
      { slug: 'appointment', name: 'By Appointment', ...street },
    ]);
  });
  it('a weekly RRULE in the meeting’s zone: 19:00 New York time on both sides of each DST change', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/api/meetings/${ids.get('ny')}/calendar.ics` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const text = response.body;
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const calendar = new ICAL.Component(ICAL.parse(text));
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
    const vevent = calendar.getFirstSubcomponent('vevent');
    if (!vevent) throw new Error('no VEVENT');
    expect(vevent.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('America/New_York');
    expect(String(vevent.getFirstPropertyValue('rrule'))).toBe('FREQ=WEEKLY;BYDAY=MO');
    const event = new ICAL.Event(vevent);
    expect(event.summary).toBe('Monday; Night, Group');
    expect(event.endDate.toJSDate().getTime() - event.startDate.toJSDate().getTime()).toBe(60 * 60_000);
    const iterator = event.iterator();
    const starts: string[] = [];
    for (let next = iterator.next(); next && starts.length < 120; next = iterator.next()) starts.push(next.toJSDate().toISOString());
    // 2027: US changes on 14 March and 7 November.
    for (const [instant] of [
      ['2027-03-09T00:00:00.000Z'],
      ['2027-03-15T23:00:00.000Z'],
      ['2027-11-01T23:00:00.000Z'],
      ['2027-11-09T00:00:00.000Z'],
    ])
      expect(starts).toContain(instant);
    for (const instant of starts) expect(DateTime.fromISO(instant).setZone('America/New_York').toFormat('ccc HH:mm')).toBe('Mon 19:00');
  });
  it('an online meeting carries its link; a meeting by appointment has no calendar', async () => {
    const zoom = await t.app.inject({ method: 'GET', url: `/api/meetings/${ids.get('zoom')}/calendar.ics` });
    const vevent = new ICAL.Component(ICAL.parse(zoom.body)).getFirstSubcomponent('vevent');
    expect(vevent?.getFirstPropertyValue('location')).toBe('https://zoom.us/j/123456789');
    expect(String(vevent?.getFirstPropertyValue('description'))).toContain('Join: https://zoom.us/j/123456789');
    expect(String(vevent?.getFirstPropertyValue('rrule'))).toBe('FREQ=WEEKLY;BYDAY=WE');
    const appointment = await t.app.inject({ method: 'GET', url: `/api/meetings/${ids.get('appointment')}/calendar.ics` });
    expect(appointment.statusCode).toBe(409);
  });
});

describe('Meeting Guide export', () => {
  it('streams a valid feed with open CORS; importing it gives back the same meetings', async () => {
    const raw = JSON.parse(readFileSync(path.join(DATA, 'kc.test.json'), 'utf8'));
    await t.database.db.delete(meetings);
    const imported = await commitImport({ db: t.database.db, sourceId: null, raw, defaultTimezone: 'America/Chicago' });
    if (isImportError(imported)) throw new Error(imported.error);
    expect(imported.accepted).toBe(206);
    const response = await t.app.inject({ method: 'GET', url: '/api/meetings/feed.json' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    const report = normalizeFeed(JSON.parse(response.body), { defaultTimezone: 'UTC' });
    if (isFeedError(report)) throw new Error(report.error);
    expect(report.rejected).toEqual([]);
    expect(report.total).toBe(206);
    const stored = (await t.database.db.select().from(meetings).orderBy(sql`slug`)).map(feedMeetingOf);
    expect([...report.accepted].sort((a, b) => (a.slug < b.slug ? -1 : 1))).toEqual(stored);
  });
  it('an empty directory is an empty array', async () => {
    await t.database.db.delete(meetings);
    const response = await t.app.inject({ method: 'GET', url: '/api/meetings/feed.json' });
    expect(JSON.parse(response.body)).toEqual([]);
  });
});

describe('Meeting Guide export of groups made in the admin', () => {
  it('a by-appointment online meeting and a hybrid meeting with a fellowship come back the same from their export', async () => {
    await t.database.db.delete(meetings);
    const admin = await setUpOrganization(t);
    const made = [
      {
        name: 'Call-in support by appointment',
        fellowship: 'Nar-Anon',
        timezone: 'America/Denver',
        attendanceMode: 'online',
        types: ['ASL', 'O'],
        conferenceUrl: 'https://meet.example.org/support',
        conferencePhone: '+1 720 555 0101',
        city: 'Denver',
        state: 'CO',
      },
      {
        name: 'Thursday Recovery Dharma',
        fellowship: 'Recovery Dharma',
        day: 4,
        time: '23:30',
        endTime: '00:30',
        timezone: 'Europe/Madrid',
        attendanceMode: 'hybrid',
        types: ['S', 'XB', 'MED'],
        location: 'Casa Abierta',
        address: 'Calle Mayor 5',
        city: 'Madrid',
        postalCode: '28013',
        country: 'ES',
        latitude: 40.4168,
        longitude: -3.7038,
        regions: ['Centro', 'Sol'],
        conferenceUrl: 'https://zoom.us/j/111222333',
        notes: 'Ring the bell',
        contacts: [{ name: 'Lu', email: 'lu@example.org', phone: null }],
      },
    ];
    for (const input of made) {
      const response = await admin.agent.post('/api/admin/meetings', input);
      expect(response.status, JSON.stringify(response.body)).toBe(201);
    }
    const response = await t.app.inject({ method: 'GET', url: '/api/meetings/feed.json' });
    const feed = JSON.parse(response.body);
    expect(feed).toHaveLength(2);
    const stored = (await t.database.db.select().from(meetings).orderBy(sql`slug`)).map(feedMeetingOf);
    expect(stored.map((m) => [m.slug, m.attendanceMode, m.fellowship, m.day])).toEqual([
      ['call-in-support-by-appointment', 'online', 'Nar-Anon', null],
      ['thursday-recovery-dharma', 'hybrid', 'Recovery Dharma', 4],
    ]);
    // Importing the export into a fresh directory reproduces every field.
    await t.database.db.delete(meetings);
    const reimported = await commitImport({ db: t.database.db, sourceId: null, raw: feed, defaultTimezone: 'UTC' });
    if (isImportError(reimported)) throw new Error(reimported.error);
    expect(reimported.rejected).toEqual([]);
    const again = (await t.database.db.select().from(meetings).orderBy(sql`slug`)).map(feedMeetingOf);
    expect(again).toEqual(stored);
  });
});
