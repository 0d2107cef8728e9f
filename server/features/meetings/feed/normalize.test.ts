import { describe, expect, it } from 'vitest';
import { type FeedReport, feedMeetingSchema } from '../../../../shared/contracts/meetings-feed.ts';
import { isFeedError, NOT_AN_ARRAY, normalizeFeed } from './normalize.ts';

const TZ = 'America/Los_Angeles';

function feed(records: unknown[], defaultTimezone = TZ): FeedReport {
  const report = normalizeFeed(records, { defaultTimezone });
  if (isFeedError(report)) throw new Error(report.error);
  for (const meeting of report.accepted) feedMeetingSchema.parse(meeting);
  return report;
}

const base = { slug: 'serenity', name: 'Serenity', day: 1, time: '19:00', end_time: '20:00', timezone: TZ };

/** The single meeting one record gives, with its fixes. */
function one(record: Record<string, unknown>) {
  const report = feed([record]);
  expect(report.rejected).toEqual([]);
  expect(report.accepted).toHaveLength(1);
  const [meeting] = report.accepted;
  if (!meeting) throw new Error('no meeting');
  return { meeting, fixes: report.fixes[0]?.fixes ?? [] };
}
const rejection = (record: unknown) => feed([record]).rejected[0]?.reason;

describe('the feed as a whole', () => {
  it('refuses a top level that is not an array', () => {
    for (const raw of [{ meetings: [] }, 'x', null, 42])
      expect(normalizeFeed(raw, { defaultTimezone: TZ })).toEqual({ error: NOT_AN_ARRAY });
    expect(normalizeFeed([], { defaultTimezone: 'Mars/Olympus' })).toEqual({ error: 'Unknown default timezone "Mars/Olympus"' });
  });

  it('accepts a clean record with no fixes', () => {
    const report = feed([base]);
    expect(report).toMatchObject({ total: 1, normalized: 0, fixes: [], rejected: [], origins: [0] });
    expect(report.accepted[0]).toMatchObject({ slug: 'serenity', day: 1, time: '19:00', endTime: '20:00', timezone: TZ });
  });

  it('rejects non-objects, missing slugs and names, each with its index', () => {
    const report = feed([
      base,
      null,
      ['x'],
      'meeting',
      { name: 'No slug' },
      { slug: 'no-name' },
      { slug: 'html-name', name: '<b></b>' },
      { slug: { id: 1 }, name: 'Object slug' },
      { slug: 'x'.repeat(161), name: 'Long slug' },
      { slug: 'y'.repeat(129), name: 'Long slug', day: [1] },
    ]);
    expect(report.accepted.map((m) => m.slug)).toEqual(['serenity']);
    expect(report.rejected).toEqual([
      { index: 1, slug: null, reason: 'not an object (got null)' },
      { index: 2, slug: null, reason: 'not an object (got array)' },
      { index: 3, slug: null, reason: 'not an object (got string)' },
      { index: 4, slug: null, reason: 'missing slug' },
      { index: 5, slug: 'no-name', reason: 'missing name' },
      { index: 6, slug: 'html-name', reason: 'missing name' },
      { index: 7, slug: null, reason: 'invalid slug (object)' },
      { index: 8, slug: null, reason: 'slug longer than 160 characters' },
      { index: 9, slug: null, reason: 'slug longer than 128 characters' },
    ]);
  });

  it('names invalid days and times in the reason', () => {
    expect(rejection({ ...base, day: 'Funday' })).toBe('invalid day "Funday"');
    expect(rejection({ ...base, day: [1, 9] })).toBe('invalid day "9"');
    expect(rejection({ ...base, time: 'TBA' })).toBe('invalid time "TBA"');
  });

  it('lists fields it does not know', () => {
    expect(feed([{ ...base, append: ' ', zoom_pwd: 'x' }]).ignoredFields).toEqual(['append', 'zoom_pwd']);
  });
});

describe('tolerances', () => {
  it('numbers as strings and strings as numbers', () => {
    const { meeting, fixes } = one({ ...base, slug: 254, day: '1', latitude: '37.3', longitude: '-121.9', postal_code: 64113 });
    expect(meeting).toMatchObject({ slug: '254', day: 1, latitude: 37.3, longitude: -121.9, postalCode: '64113' });
    expect(fixes).toEqual(['number_as_string', 'number_to_text']);
  });

  it('expands day arrays into one meeting per day with deterministic slugs', () => {
    const report = feed([
      { ...base, day: [3, '1', 3] },
      { ...base, slug: 'other', day: [5] },
    ]);
    expect(report.accepted.map((m) => [m.slug, m.day])).toEqual([
      ['serenity-1', 1],
      ['serenity-3', 3],
      ['other-5', 5],
    ]);
    expect(report.origins).toEqual([0, 0, 1]);
    expect(report.fixes).toEqual([
      { index: 0, slugs: ['serenity-1', 'serenity-3'], fixes: ['number_as_string', 'day_array_expanded'] },
      { index: 1, slugs: ['other-5'], fixes: ['day_array_expanded'] },
    ]);
  });

  it('never lets an expanded slug take a slug the feed uses', () => {
    const report = feed([
      { ...base, day: [1, 2] },
      { ...base, slug: 'serenity-1', day: 4 },
    ]);
    expect(report.accepted.map((m) => m.slug)).toEqual(['serenity-1-2', 'serenity-2', 'serenity-1']);
    expect(report.rejected).toEqual([]);
  });

  it('day names and ISO 7', () => {
    expect(one({ ...base, day: 'Monday' })).toMatchObject({ meeting: { day: 1 }, fixes: ['day_name'] });
    expect(one({ ...base, day: 7 })).toMatchObject({ meeting: { day: 0 }, fixes: ['day_7_as_sunday'] });
  });

  it('12-hour and other time forms', () => {
    expect(one({ ...base, time: '11:00 AM', end_time: '12:00 PM' })).toMatchObject({
      meeting: { time: '11:00', endTime: '12:00' },
      fixes: ['time_12h'],
    });
    expect(one({ ...base, time: '7pm', end_time: '8:30pm' }).meeting).toMatchObject({ time: '19:00', endTime: '20:30' });
    expect(one({ ...base, time: '19:00:00', end_time: '7:00' })).toMatchObject({
      meeting: { time: '19:00', endTime: '07:00', crossesMidnight: true },
      fixes: ['time_reformatted', 'crosses_midnight'],
    });
  });

  it('end times: missing, invalid, equal to the start, crossing midnight', () => {
    const { end_time: _, ...noEnd } = base;
    expect(one(noEnd)).toMatchObject({ meeting: { endTime: null, crossesMidnight: false }, fixes: ['end_time_missing'] });
    expect(one({ ...base, end_time: 'late' })).toMatchObject({ meeting: { endTime: null }, fixes: ['end_time_invalid_dropped'] });
    expect(one({ ...base, end_time: '19:00' })).toMatchObject({ meeting: { endTime: null }, fixes: ['end_time_same_as_start_dropped'] });
    expect(one({ ...base, time: '23:00', end_time: '00:30' })).toMatchObject({
      meeting: { time: '23:00', endTime: '00:30', crossesMidnight: true },
      fixes: ['crosses_midnight'],
    });
    expect(one({ ...base, time: '23:00', end_time: '24:00' }).meeting).toMatchObject({ endTime: '00:00', crossesMidnight: true });
  });

  it('by appointment: no day and no time', () => {
    const { meeting, fixes } = one({ slug: 'josh', name: 'By appointment', timezone: TZ, end_time: '10:00' });
    expect(meeting).toMatchObject({ day: null, time: null, endTime: null, crossesMidnight: false });
    expect(fixes).toEqual([]);
    expect(one({ ...base, time: '' })).toMatchObject({ meeting: { day: null, time: null }, fixes: ['schedule_incomplete'] });
    expect(one({ ...base, day: null })).toMatchObject({ meeting: { day: null, time: null }, fixes: ['schedule_incomplete'] });
    expect(one({ ...base, day: [], time: '19:00' }).meeting.day).toBeNull();
  });

  it('time zones: per record, defaulted, canonicalized', () => {
    const { timezone: _, ...noZone } = base;
    expect(feed([noZone], 'America/Chicago').accepted[0]?.timezone).toBe('America/Chicago');
    expect(one(noZone).fixes).toEqual(['timezone_defaulted']);
    expect(one({ ...base, timezone: 'america/new_york' })).toMatchObject({
      meeting: { timezone: 'America/New_York' },
      fixes: ['timezone_canonicalized'],
    });
  });

  it('type codes: case, ONL, empty, comma strings, custom codes, languages', () => {
    const { meeting, fixes } = one({ ...base, types: ['o', 'ONL', '', 'b', 'S', 'HY', 'Pizza night', 11, 'ASL'] });
    expect(meeting.types).toEqual(['11', 'ASL', 'B', 'O', 'S']);
    expect(meeting.customTypes).toEqual(['Pizza night']);
    expect(meeting.languages).toEqual(['ase', 'es']);
    expect(fixes).toEqual([
      'number_to_text',
      'type_code_case',
      'type_code_online_derived',
      'type_code_custom',
      'type_code_invalid_dropped',
      'online_without_valid_link',
    ]);
    expect(one({ ...base, types: 'O, D ,ST' })).toMatchObject({ meeting: { types: ['D', 'O', 'ST'] }, fixes: ['types_from_string'] });
    expect(one({ ...base, types: '' })).toMatchObject({ meeting: { types: [] }, fixes: [] });
    expect(one({ ...base, types: { O: true } })).toMatchObject({ meeting: { types: [] }, fixes: ['type_code_invalid_dropped'] });
  });

  describe('attendance mode', () => {
    const street = { address: '123 Main St', city: 'San Jose', state: 'CA', postal_code: '95110', country: 'US' };
    const zoom = { conference_url: 'https://zoom.us/j/123' };
    const mode = (record: Record<string, unknown>) => one({ ...base, ...record }).meeting.attendanceMode;

    it('in person, online, hybrid, inactive', () => {
      expect(mode(street)).toBe('in_person');
      expect(mode({ ...street, ...zoom })).toBe('hybrid');
      expect(mode({ formatted_address: 'San Jose, CA, USA', ...zoom })).toBe('online');
      expect(mode({ city: 'San Jose', conference_phone: '+1 669 900 9128,,123#' })).toBe('online');
      expect(mode({ ...street, ...zoom, types: ['TC'] })).toBe('online');
      expect(mode({ ...street, types: ['TC'] })).toBe('inactive');
      expect(mode({ city: 'San Jose' })).toBe('inactive');
      // The feed's ONL stands even without a link (online_without_valid_link, in warnings.test.ts).
      expect(mode({ ...street, types: ['ONL'] })).toBe('hybrid');
    });

    it('approximate addresses: stated, split, formatted', () => {
      expect(mode({ ...street, ...zoom, approximate: 'yes' })).toBe('online');
      expect(mode({ formatted_address: 'San Jose, CA, USA', ...zoom, approximate: 'no' })).toBe('hybrid');
      expect(mode({ formatted_address: '4953 W Addison St, Chicago, IL 60641, USA', ...zoom })).toBe('hybrid');
      expect(mode({ formatted_address: 'St. Mary, 12 Oak Ave, Chicago, IL, USA', ...zoom })).toBe('hybrid');
      expect(mode({ formatted_address: 'Edmonton, Alberta, T5B 0S5, Canada', ...zoom })).toBe('online');
      expect(mode({ formatted_address: 'Strome Flagstaff County, Strome, Alberta, T0B4H0, Canada' })).toBe('in_person');
    });

    it('a whole address in `address` is read as the formatted address', () => {
      const { meeting, fixes } = one({ ...base, address: '8318 104 St, Edmonton, Alberta, T6E 4E8, Canada' });
      expect(meeting).toMatchObject({
        formattedAddress: '8318 104 St, Edmonton, Alberta, T6E 4E8, Canada',
        address: null,
        approximate: false,
      });
      expect(fixes).toEqual(['address_as_formatted']);
    });

    it('composes the formatted address from split fields', () => {
      expect(one({ ...base, ...street }).meeting.formattedAddress).toBe('123 Main St, San Jose, CA 95110, US');
    });
  });

  it('conference fields: http(s) only, dial strings cleaned', () => {
    expect(one({ ...base, conference_url: 'zoom.us/j/1' })).toMatchObject({
      meeting: { conferenceUrl: null, attendanceMode: 'inactive' },
      fixes: ['conference_url_invalid_dropped'],
    });
    expect(one({ ...base, conference_url: 'javascript:alert(1)' }).meeting.conferenceUrl).toBeNull();
    expect(one({ ...base, conference_phone: '(669) 900-9128' })).toMatchObject({
      meeting: { conferencePhone: '6699009128' },
      fixes: ['conference_phone_cleaned'],
    });
    expect(one({ ...base, conference_phone: 'ask' }).fixes).toEqual(['conference_phone_invalid_dropped']);
  });

  it('coordinates out of range, half given or 0,0 are dropped', () => {
    for (const bad of [
      { latitude: 91, longitude: 10 },
      { latitude: 10, longitude: -181 },
      { latitude: 37.3 },
      { latitude: 0, longitude: 0 },
      { latitude: 'north', longitude: 'west' },
    ]) {
      expect(one({ ...base, ...bad })).toMatchObject({
        meeting: { latitude: null, longitude: null },
        fixes: ['coordinates_invalid_dropped'],
      });
    }
  });

  it('updated in odd forms, or dropped', () => {
    expect(one({ ...base, updated: '2014-05-31 14:32:23' })).toMatchObject({ meeting: { updated: '2014-05-31T14:32:23.000Z' }, fixes: [] });
    expect(one({ ...base, updated: '6/27/2022 9:52:35 AM' })).toMatchObject({
      meeting: { updated: '2022-06-27T09:52:35.000Z' },
      fixes: ['updated_reformatted'],
    });
    expect(one({ ...base, updated: 'last week' })).toMatchObject({ meeting: { updated: null }, fixes: ['updated_invalid_dropped'] });
  });

  it('strips HTML from every text field and keeps no markup', () => {
    const { meeting, fixes } = one({
      ...base,
      name: '<b>Serenity</b> &amp; Peace',
      notes: 'Ring <a href="x">buzzer</a><br>2nd floor<script>steal()</script>',
      location: '<img src=x onerror=alert(1)>Alano Club',
      group_notes: '&lt;script&gt;alert(1)&lt;/script&gt;',
    });
    expect(meeting).toMatchObject({ name: 'Serenity & Peace', notes: 'Ring buzzer\n2nd floor', location: 'Alano Club', groupNotes: null });
    expect(fixes).toEqual(['html_stripped']);
    expect(JSON.stringify(meeting)).not.toMatch(/<[a-z/!]/i);
  });

  it('truncates overlong text and says so', () => {
    const { meeting, fixes } = one({ ...base, name: 'N'.repeat(300), notes: 'word '.repeat(3000) });
    expect(meeting.name).toHaveLength(255);
    expect(meeting.name.endsWith('…')).toBe(true);
    expect(meeting.notes?.length).toBeLessThanOrEqual(8000);
    expect(fixes).toEqual(['text_truncated']);
  });

  it('keeps the other Meeting Guide fields', () => {
    const { meeting, fixes } = one({
      ...base,
      region: 'Marin',
      sub_region: 'Sausalito',
      group: 'Serenity Group',
      district: 'District 6',
      website: 'https://example.org',
      email: 'group@example.org',
      url: 'https://example.org/meetings/serenity',
      edit_url: 'not a url',
      feedback_url: 'mailto:feedback@example.org?subject=serenity',
      feedback_emails: 'a@example.org; nope',
      venmo: '@Serenity',
      entity: 'District 123',
      entity_url: 'https://district123.org',
      contact_2_name: 'Pat',
      contact_2_email: 'pat@example.org',
      approximate: 'no',
    });
    expect(meeting).toMatchObject({
      regions: ['Marin', 'Sausalito'],
      group: 'Serenity Group',
      district: 'District 6',
      website: 'https://example.org',
      email: 'group@example.org',
      editUrl: null,
      feedbackUrl: 'mailto:feedback@example.org?subject=serenity',
      feedbackEmails: ['a@example.org'],
      venmo: '@Serenity',
      entity: { name: 'District 123', url: 'https://district123.org', email: null, location: null, logo: null, phone: null },
      contacts: [{ name: 'Pat', email: 'pat@example.org', phone: null }],
    });
    expect(fixes).toEqual(['url_invalid_dropped', 'email_invalid_dropped']);
    expect(one({ ...base, regions: ['Illinois', 'Chicago', 'Wicker Park'], region: 'Ignored' }).meeting.regions).toEqual([
      'Illinois',
      'Chicago',
      'Wicker Park',
    ]);
  });

  it('cleans whitespace in slugs', () => {
    expect(one({ ...base, slug: ' sunday serenity ' })).toMatchObject({ meeting: { slug: 'sunday-serenity' }, fixes: ['slug_cleaned'] });
    expect(one({ ...base, slug: '<b>x</b>' }).meeting.slug).toBe('-b-x-/b-');
  });
});
