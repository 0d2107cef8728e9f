import { DateTime } from 'luxon';
import { expect } from 'vitest';
import { meetings } from '../../db/schema/meetings.ts';
import type { Person } from '../../test/factories.ts';
import type { TestApp } from '../../test/harness.ts';
import { commitImport, isImportError } from '../meeting-sources/meeting-sources.public.ts';

/** Shared setup of the my-meetings suites: the meetings every test uses, and small helpers over HTTP. */

const street = { address: '100 Main St', city: 'Springfield', state: 'NY', postal_code: '10001', country: 'US', approximate: 'no' };
const online = { conference_url: 'https://zoom.us/j/123456789', approximate: 'yes', city: 'Anywhere' };
/** Every meeting of these tests, imported at once (an import replaces the organization's own groups). */
export const RECORDS = [
  {
    slug: 'ny-monday',
    name: 'Monday Night',
    day: 1,
    time: '19:00',
    end_time: '20:00',
    timezone: 'America/New_York',
    types: ['O'],
    ...street,
  },
  // Meets today in Chicago (the day is set when the suite loads it), so "I went" today and today's code work.
  { slug: 'chicago-poa', name: 'Court Card Group', day: 3, time: '12:00', timezone: 'America/Chicago', types: ['O', 'POA'], ...online },
  // UTC+14: its local day turns while most of the world is still on the day before. Saturday night
  // into Sunday, so "I went" after midnight is on a day it meets, with a code of the day before.
  {
    slug: 'line-islands',
    name: 'Line Islands Sunrise',
    day: 6,
    time: '23:00',
    end_time: '00:30',
    timezone: 'Pacific/Kiritimati',
    types: ['POA'],
    ...online,
  },
  { slug: 'by-appointment', name: 'Call Us First', timezone: 'America/New_York', ...online },
];

/** Imports RECORDS into a test app and returns each meeting's id by slug. */
export async function loadMeetings(app: TestApp) {
  const chicagoToday = DateTime.now().setZone('America/Chicago').weekday % 7;
  const raw = RECORDS.map((record) => (record.slug === 'chicago-poa' ? { ...record, day: chicagoToday } : record));
  const result = await commitImport({ db: app.database.db, sourceId: null, raw, defaultTimezone: 'America/New_York' });
  if (isImportError(result)) throw new Error(result.error);
  expect(result.rejected).toEqual([]);
  const rows = await app.database.db.select({ id: meetings.id, slug: meetings.slug }).from(meetings);
  return new Map(rows.map((r) => [r.slug, r.id]));
}

/** A lookup by slug over what loadMeetings returned. */
export const meetingIdBySlug = (ids: Map<string, string>) => (slug: string) => ids.get(slug) as string;
export const todayIn = (zone: string, days = 0) => DateTime.now().setZone(zone).plus({ days }).toISODate() as string;
export const went = (p: Person, body: Record<string, unknown>) => p.agent.post('/api/me/meeting-attendance', body);
