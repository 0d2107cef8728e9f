import { DateTime } from 'luxon';
import { meetings } from '../../db/schema/meetings.ts';
import { createAgent } from '../../test/agent.ts';
import type { Person } from '../../test/factories.ts';
import type { TestApp } from '../../test/harness.ts';
import { commitImport, isImportError } from '../meeting-sources/meeting-sources.public.ts';

const street = { address: '100 Main St', city: 'Springfield', state: 'NY', postal_code: '10001', country: 'US', approximate: 'no' };

/** The organization's own groups for the buddy and guide tests; returns their ids by slug. */
export async function loadTestMeetings(t: TestApp): Promise<Map<string, string>> {
  const records = [
    {
      name: 'Tuesday Open Discussion',
      slug: 'tuesday-open',
      day: 2,
      time: '19:00',
      timezone: 'America/New_York',
      types: ['O', 'D'],
      fellowship: 'AA',
      location: 'Grace Hall',
      ...street,
    },
    { name: 'Sunday Speakers', slug: 'sunday-speakers', day: 0, time: '10:30', timezone: 'Europe/Madrid', types: ['SP', 'C'], ...street },
    {
      name: 'SMART Online',
      slug: 'smart-online',
      day: 4,
      time: '18:00',
      timezone: 'America/Los_Angeles',
      types: ['ONL'],
      fellowship: 'SMART Recovery',
      conference_url: 'https://zoom.us/j/123456789',
      approximate: 'yes',
      city: 'Anywhere',
    },
    { name: 'Call Any Time', slug: 'by-appointment', timezone: 'America/Chicago', types: [], fellowship: 'NA', ...street },
  ];
  const result = await commitImport({ db: t.database.db, sourceId: null, raw: records, defaultTimezone: 'America/New_York' });
  if (isImportError(result)) throw new Error(result.error);
  if (result.rejected.length > 0) throw new Error(JSON.stringify(result.rejected));
  const rows = await t.database.db.select({ id: meetings.id, slug: meetings.slug }).from(meetings);
  return new Map(rows.map((row) => [row.slug, row.id]));
}

/** A recovery clock that started `days` days (and `extra` minutes) before now, in the person's zone. */
export async function giveClock(person: Person, days: number, extra: { hours?: number; minutes?: number } = {}) {
  const startedAt = DateTime.now()
    .setZone('America/Chicago')
    .minus({ days, ...extra })
    .toISO();
  const response = await person.agent.post('/api/me/clocks', { label: 'Recovery', kind: 'recovery', startedAt });
  if (response.status !== 201) throw new Error(`clock: ${response.status} ${JSON.stringify(response.body)}`);
}

export const anonymous = (t: TestApp) => createAgent(t.app);
