import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingFinderQuery } from '../../../shared/contracts/meetings.ts';
import { meetings } from '../../db/schema/meetings.ts';
import { buildTestApp, type TestApp } from '../../test/harness.ts';
import { commitImport, isImportError } from '../meeting-sources/meeting-sources.public.ts';
import { findMeetings } from './meetings.finder.ts';

/**
 * Clocks going back in Chicago on Sunday 1 November 2026: 01:00–01:59 happens twice (CDT, then CST).
 * A meeting at 01:00 with no end time starts once, at the first 01:00 (06:00Z), and lasts an hour.
 */

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await t.database.db.delete(meetings);
  const result = await commitImport({
    db: t.database.db,
    sourceId: null,
    raw: [
      { slug: 'late-night', name: 'Late night', day: 0, time: '01:00', timezone: 'America/Chicago', address: '1 Main St', city: 'Chicago' },
    ],
    defaultTimezone: 'America/Chicago',
  });
  if (isImportError(result)) throw new Error(result.error);
});
afterAll(async () => {
  await t.close();
});

const at = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });
const find = async (when: MeetingFinderQuery['when'], now: string) =>
  (await findMeetings({ db: t.database.db, query: { tz: 'America/Chicago', ...(when ? { when } : {}) }, now: at(now) })).items;

describe('a Sunday 01:00 America/Chicago meeting when the clocks go back', () => {
  it('at 06:30Z it is in progress, once, and not starting soon', async () => {
    expect((await find('now', '2026-11-01T06:30:00Z')).map((m) => [m.slug, m.status, m.nextStart])).toEqual([
      ['late-night', 'in_progress', '2026-11-01T06:00:00Z'],
    ]);
    expect(await find('soon', '2026-11-01T06:30:00Z')).toEqual([]);
    const anyTime = await find(undefined, '2026-11-01T06:30:00Z');
    expect(anyTime.map((m) => [m.slug, m.status])).toEqual([['late-night', 'in_progress']]);
  });

  it('at 07:45Z (01:45 CST, the second time round) it is over: next week, not in progress', async () => {
    expect(await find('now', '2026-11-01T07:45:00Z')).toEqual([]);
    expect(await find('soon', '2026-11-01T07:45:00Z')).toEqual([]);
    const [next] = await find(undefined, '2026-11-01T07:45:00Z');
    expect(next).toMatchObject({ slug: 'late-night', status: 'later', nextStart: '2026-11-08T07:00:00Z' });
  });

  it('at 05:30Z (00:30 CDT) it is starting soon, at the first 01:00', async () => {
    const soon = await find('soon', '2026-11-01T05:30:00Z');
    expect(soon.map((m) => [m.slug, m.status, m.minutesUntilStart])).toEqual([['late-night', 'starting_soon', 30]]);
  });
});
