import fc from 'fast-check';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingFinderQuery, MeetingListItem } from '../../../shared/contracts/meetings.ts';
import { meetings } from '../../db/schema/meetings.ts';
import { buildTestApp, type TestApp } from '../../test/harness.ts';
import { commitImport, isImportError } from '../meeting-sources/meeting-sources.public.ts';
import { buildDirectory } from './directory.ts';
import { distanceKm, nearest } from './finder.search.ts';
import { findMeetings } from './meetings.finder.ts';
import { durationMinutes } from './meetings.window.ts';

/**
 * The finder against a brute force: for random meetings in zones with and without DST, seen at random
 * moments (many near a DST change), every answer is compared with occurrences worked out one by one
 * with luxon. Start times avoid 00:00–03:59, where DST gaps and repeated hours make "19:00 on that
 * date" ambiguous (the rules for those are pinned in meetings.window.test.ts).
 */

const ZONES = ['America/New_York', 'America/Los_Angeles', 'Europe/London', 'Pacific/Auckland', 'Asia/Kolkata'];
const MOMENTS = ['2026-03-08T06:30:00Z', '2026-03-29T00:45:00Z', '2026-04-05T13:00:00Z', '2026-11-01T05:50:00Z', '2026-07-15T18:00:00Z'];

interface Spec {
  slug: string;
  day: number;
  time: string;
  end: string | null;
  timezone: string;
}

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const meetingArb = fc.record({
  day: fc.integer({ min: 0, max: 6 }),
  start: fc.integer({ min: 4 * 60, max: 23 * 60 + 59 }),
  length: fc.option(fc.integer({ min: 15, max: 600 }), { nil: null }),
  timezone: fc.constantFrom(...ZONES),
});
const scenarioArb = fc.record({
  meetings: fc.array(meetingArb, { minLength: 1, maxLength: 25 }),
  moment: fc.oneof(
    fc.constantFrom(...MOMENTS),
    fc.integer({ min: 0, max: 365 * 24 * 60 }).map((m) => DateTime.fromISO('2026-01-01T00:00:00Z').plus({ minutes: m }).toISO() as string),
  ),
  viewer: fc.constantFrom(...ZONES),
});

/** The spec of a generated meeting: its start, and its end when it has a length (an end past midnight wraps). */
function specOf(slug: string, m: { day: number; start: number; length: number | null; timezone: string }): Spec {
  return {
    slug,
    day: m.day,
    time: hhmm(m.start),
    end: m.length === null ? null : hhmm((m.start + m.length) % 1440),
    timezone: m.timezone,
  };
}

/** Every start of the meeting from two days before `now` to nine days after, one by one. */
function starts(spec: Spec, now: DateTime): DateTime[] {
  const out: DateTime[] = [];
  const [hour, minute] = spec.time.split(':').map(Number);
  const first = now.setZone(spec.timezone).startOf('day').minus({ days: 2 });
  for (let i = 0; i < 12; i += 1) {
    const date = first.plus({ days: i });
    if (date.weekday % 7 === spec.day) out.push(date.set({ hour, minute }));
  }
  return out;
}

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

/** Replaces every meeting with these, through the importer as a feed brings them, all at one `place`. */
async function importOnly(specs: (Spec & { latitude?: number; longitude?: number })[], place: Record<string, string>) {
  await t.database.db.delete(meetings);
  const result = await commitImport({
    db: t.database.db,
    sourceId: null,
    raw: specs.map(({ end, ...spec }) => ({ ...spec, name: spec.slug, end_time: end, ...place })),
    defaultTimezone: 'UTC',
  });
  if (isImportError(result)) throw new Error(result.error);
}

async function findAll(query: Omit<MeetingFinderQuery, 'tz'>, viewer: string, now: DateTime): Promise<MeetingListItem[]> {
  const items: MeetingListItem[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 20; page += 1) {
    const result = await findMeetings({ db: t.database.db, query: { ...query, tz: viewer, limit: 7, cursor }, now });
    items.push(...result.items);
    if (!result.nextCursor) return items;
    cursor = result.nextCursor;
  }
  throw new Error('too many pages');
}

describe('the finder agrees with occurrences worked out one by one', () => {
  it('now, soon, and any time (every meeting once, by its current or next start, across pages)', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (scenario) => {
        const specs = scenario.meetings.map((m, i) => specOf(`m${i}`, m));
        await importOnly(specs, { address: '100 Main St', city: 'Springfield', state: 'NY', country: 'US' });
        const now = DateTime.fromISO(scenario.moment, { zone: 'utc' }).startOf('minute');

        const expected = specs.map((spec) => {
          const duration = durationMinutes(spec.time, spec.end);
          const next = starts(spec, now).find((s) => s.plus({ minutes: duration }) > now) as DateTime;
          return { slug: spec.slug, next, duration, inProgress: next <= now };
        });
        const sortKey = (e: { next: DateTime }) => e.next.toMillis();

        const inProgress = await findAll({ when: 'now' }, scenario.viewer, now);
        expect(inProgress.map((i) => i.slug).sort()).toEqual(
          expected
            .filter((e) => e.inProgress)
            .map((e) => e.slug)
            .sort(),
        );

        const soon = await findAll({ when: 'soon' }, scenario.viewer, now);
        const soonExpected = expected.filter((e) => {
          const minutes = e.next.diff(now, 'minutes').minutes;
          return minutes > 0 && minutes <= 60;
        });
        expect(soon.map((i) => i.slug).sort()).toEqual(soonExpected.map((e) => e.slug).sort());

        const all = await findAll({}, scenario.viewer, now);
        expect(all.map((i) => i.slug).sort()).toEqual(expected.map((e) => e.slug).sort());
        for (const item of all) {
          const e = expected.find((x) => x.slug === item.slug);
          expect(item.nextStart, item.slug).toBe(e?.next.toUTC().toISO({ suppressMilliseconds: true }));
          expect(item.status === 'in_progress').toBe(e?.inProgress);
          const local = e?.next.setZone(scenario.viewer);
          expect(item.startsLocal).toEqual({ time: local?.toFormat('HH:mm'), weekday: (local?.weekday ?? 0) % 7 });
        }
        const keys = all.map((i) => Date.parse(i.nextStart as string));
        expect(keys).toEqual([...keys].sort((a, b) => a - b));
        expect(expected.map(sortKey).length).toBe(all.length);
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('near: nearest first within the radius, with or without a time, across pages (the grid search stops early and misses nothing)', async () => {
    const nearArb = fc.record({
      meetings: fc.array(
        fc.record({
          meeting: meetingArb,
          dLat: fc.double({ min: -0.4, max: 0.4, noNaN: true }),
          dLng: fc.double({ min: -0.5, max: 0.5, noNaN: true }),
        }),
        { minLength: 1, maxLength: 40 },
      ),
      center: fc.constantFrom([37.77, -122.42], [53.54, -113.49], [-36.85, 174.76], [64.14, -21.94]),
      radius: fc.constantFrom(2, 10, 25, 60),
      when: fc.constantFrom('now', 'soon', 'today', undefined),
      moment: fc.constantFrom(...MOMENTS),
      viewer: fc.constantFrom(...ZONES),
    });
    await fc.assert(
      fc.asyncProperty(nearArb, async (scenario) => {
        const [lat0, lng0] = scenario.center as [number, number];
        const specs = scenario.meetings.map((m, i) => ({
          ...specOf(`n${i}`, m.meeting),
          latitude: Math.round((lat0 + m.dLat) * 1e5) / 1e5,
          longitude: Math.round((lng0 + m.dLng) * 1e5) / 1e5,
        }));
        await importOnly(specs, { address: '1 Main St', city: 'Town', country: 'US' });
        const now = DateTime.fromISO(scenario.moment, { zone: 'utc' });
        const endOfDay = now.setZone(scenario.viewer).endOf('day');
        const km = (a: number, b: number) => {
          const rad = (d: number) => (d * Math.PI) / 180;
          const h = Math.sin(rad(a - lat0) / 2) ** 2 + Math.cos(rad(lat0)) * Math.cos(rad(a)) * Math.sin(rad(b - lng0) / 2) ** 2;
          return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
        };
        const expected = specs
          .map((spec) => {
            const duration = durationMinutes(spec.time, spec.end);
            const all = starts(spec, now);
            const ok =
              scenario.when === undefined
                ? true
                : scenario.when === 'now'
                  ? all.some((s) => s <= now && s.plus({ minutes: duration }) > now)
                  : scenario.when === 'soon'
                    ? all.some((s) => s > now && s.diff(now, 'minutes').minutes <= 60)
                    : all.some((s) => s > now && s <= endOfDay);
            return { slug: spec.slug, dist: km(spec.latitude, spec.longitude), ok };
          })
          .filter((e) => e.ok && e.dist <= scenario.radius)
          .sort((a, b) => a.dist - b.dist);
        const found = await findAll(
          { when: scenario.when, near: `${lat0},${lng0}`, radiusKm: scenario.radius } as Omit<MeetingFinderQuery, 'tz'>,
          scenario.viewer,
          now,
        );
        // The same meetings, nearest first (meetings at the same spot may come in either order: by id).
        expect(found.map((i) => i.slug).sort()).toEqual(expected.map((e) => e.slug).sort());
        const distances = found.map((i) => expected.find((e) => e.slug === i.slug)?.dist ?? Number.NaN);
        expect(distances).toEqual([...distances].sort((x, y) => x - y));
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('the ring search over a dense directory equals sorting every meeting by distance', () => {
    const rows = (seed: number, count: number, lat0: number, lng0: number) => {
      let state = seed;
      const next = () => {
        state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
        return state / 2_147_483_648;
      };
      return Array.from({ length: count }, (_, i) => ({
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        slug: `d${i}`,
        name: `d${i}`,
        day: i % 7,
        time: '19:00',
        end_time: null,
        timezone: 'UTC',
        types: [],
        custom_types: [],
        languages: [],
        attendance_mode: 'in_person' as const,
        location: null,
        formatted_address: null,
        regions: [],
        fellowship: null,
        has_url: false,
        has_phone: false,
        latitude: lat0 + (next() - 0.5) * 0.8,
        longitude: lng0 + (next() - 0.5) * 1.2,
      }));
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.constantFrom([37.77, -122.42], [64.14, -21.94], [0.01, 179.99]),
        fc.double({ min: 0.5, max: 30, noNaN: true }),
        fc.integer({ min: 1, max: 60 }),
        (seed, [lat, lng], radius, limit) => {
          const directory = buildDirectory(rows(seed, 5000, lat as number, lng as number), 1);
          const near = { lat: lat as number, lng: lng as number, radius };
          const found = nearest(directory, near, (meeting, dist) => ({ meeting, k: null, dist }), limit);
          const expected = directory.located
            .map((meeting) => ({ id: meeting.id, dist: distanceKm(near, meeting) as number }))
            .filter((e) => e.dist <= radius)
            .sort((a, b) => a.dist - b.dist || (a.id < b.id ? -1 : 1))
            .slice(0, limit);
          expect(found.map((h) => h.meeting.id)).toEqual(expected.map((e) => e.id));
        },
      ),
      { numRuns: 60 },
    );
  });
});
