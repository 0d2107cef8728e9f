import { describe, expect, it } from 'vitest';
import { type FeedReport, feedFixKind, feedMeetingSchema } from '../../../../shared/contracts/meetings-feed.ts';
import { toMeetingGuideFeed } from './export.ts';
import { isFeedError, normalizeFeed } from './normalize.ts';

/** What real feeds send that used to lose a meeting or pass unnoticed: kept, with a warning or a repair. */

const TZ = 'America/Chicago';
const base = { slug: 'serenity', name: 'Serenity', day: 0, time: '19:00', end_time: '20:00', timezone: TZ };

function feed(records: unknown[], defaultTimezone = TZ): FeedReport {
  const report = normalizeFeed(records, { defaultTimezone });
  if (isFeedError(report)) throw new Error(report.error);
  for (const meeting of report.accepted) feedMeetingSchema.parse(meeting);
  return report;
}
function one(record: Record<string, unknown>, defaultTimezone = TZ) {
  const report = feed([record], defaultTimezone);
  expect(report.rejected).toEqual([]);
  const [meeting] = report.accepted;
  if (!meeting) throw new Error('no meeting');
  return { meeting, fixes: report.fixes[0]?.fixes ?? [], normalized: report.normalized };
}

describe('types written as text', () => {
  it('reads "[open]" and "[closed]" as Open and Closed, not as custom codes', () => {
    expect(one({ ...base, types: '[open]' })).toMatchObject({
      meeting: { types: ['O'], customTypes: [] },
      fixes: ['types_from_string', 'type_code_from_name'],
    });
    expect(one({ ...base, types: '[closed]' }).meeting).toMatchObject({ types: ['C'], customTypes: [] });
    expect(one({ ...base, types: '["O","D"]' }).meeting.types).toEqual(['D', 'O']);
    expect(one({ ...base, types: ['Closed', 'Big Book', 'Speaker'] }).meeting.types).toEqual(['B', 'C', 'SP']);
  });
});

describe('time zones that are not IANA names', () => {
  it('reads EST as Eastern time with daylight saving, with a warning', () => {
    expect(one({ ...base, timezone: 'EST' })).toMatchObject({
      meeting: { timezone: 'America/New_York' },
      fixes: ['timezone_abbreviation'],
    });
    expect(one({ ...base, timezone: 'Central Time' }).meeting.timezone).toBe('America/Chicago');
    expect(one({ ...base, timezone: 'pdt' }).meeting.timezone).toBe('America/Los_Angeles');
  });

  it('keeps the source zone when the abbreviation fits it', () => {
    expect(one({ ...base, timezone: 'EST' }, 'America/Detroit').meeting.timezone).toBe('America/Detroit');
    expect(one({ ...base, timezone: 'CST' }, 'America/Winnipeg').meeting.timezone).toBe('America/Winnipeg');
  });

  it('falls back to the source zone for a name it cannot read, with a warning', () => {
    expect(one({ ...base, timezone: 'Mars/Olympus' })).toMatchObject({ meeting: { timezone: TZ }, fixes: ['timezone_unknown_defaulted'] });
    expect(one({ ...base, timezone: '+05:00' }).meeting.timezone).toBe(TZ);
    expect(one({ ...base, timezone: 42 }).fixes).toEqual(['timezone_unknown_defaulted']);
  });
});

describe('duplicate slugs', () => {
  it('keeps the repeated record under a new unique slug, with a warning', () => {
    const report = feed([base, { ...base, name: 'Again' }, { ...base, slug: 'serenity-2', name: 'Taken' }, { ...base, name: 'Third' }]);
    expect(report.rejected).toEqual([]);
    expect(report.accepted.map((m) => [m.slug, m.name])).toEqual([
      ['serenity', 'Serenity'],
      ['serenity-3', 'Again'],
      ['serenity-2', 'Taken'],
      ['serenity-4', 'Third'],
    ]);
    expect(report.fixes).toEqual([
      { index: 1, slugs: ['serenity-3'], fixes: ['slug_duplicate_renamed'] },
      { index: 3, slugs: ['serenity-4'], fixes: ['slug_duplicate_renamed'] },
    ]);
  });

  it('renames a repeated day-array record before expanding it', () => {
    const report = feed([
      { ...base, day: [1, 2] },
      { ...base, day: [1] },
    ]);
    expect(report.accepted.map((m) => m.slug)).toEqual(['serenity-1', 'serenity-2', 'serenity-3-1']);
  });
});

describe('online meetings whose link is unusable', () => {
  it('stays online (not inactive) when ONL comes with an invalid phone only, with a warning', () => {
    const { meeting, fixes } = one({ ...base, city: 'Kansas City', types: ['ONL', 'O'], conference_phone: 'call the office' });
    expect(meeting).toMatchObject({ attendanceMode: 'online', conferencePhone: null, types: ['O'] });
    expect(fixes).toEqual(['type_code_online_derived', 'conference_phone_invalid_dropped', 'online_without_valid_link']);
  });

  it('round-trips through the export', () => {
    const first = feed([{ ...base, city: 'Kansas City', types: 'onl', conference_phone: 'ask' }]);
    const again = feed(JSON.parse(JSON.stringify(toMeetingGuideFeed(first.accepted))), 'UTC');
    expect(again.accepted).toEqual(first.accepted);
  });
});

describe('implausible lengths', () => {
  it('flags a 13-hour "overnight" meeting and leaves ordinary ones alone', () => {
    expect(one({ ...base, time: '12:30', end_time: '01:30' })).toMatchObject({
      meeting: { time: '12:30', endTime: '01:30', crossesMidnight: true },
      fixes: ['crosses_midnight', 'length_implausible'],
    });
    expect(one({ ...base, time: '23:00', end_time: '00:30' }).fixes).toEqual(['crosses_midnight']);
    expect(one({ ...base, time: '08:00', end_time: '20:00' }).fixes).toEqual([]);
    expect(one({ ...base, time: '08:00', end_time: '20:01' }).fixes).toEqual(['length_implausible']);
  });
});

describe('what counts as normalized', () => {
  it('counts repairs only: defaults and notes do not make a record "fixed"', () => {
    const { timezone: _, end_time: __, ...plain } = base;
    expect(one(plain)).toMatchObject({ fixes: ['end_time_missing', 'timezone_defaulted'], normalized: 0 });
    expect(one({ ...base, types: ['ONL'], conference_url: 'https://zoom.us/j/1', city: 'KC' }).normalized).toBe(0);
    expect(one({ ...base, time: '7:00 PM' }).normalized).toBe(1);
    expect(one({ ...base, timezone: 'EST' }).normalized).toBe(0);
  });

  it('sorts every code into repair, warning or note', () => {
    expect(feedFixKind('time_12h')).toBe('repair');
    expect(feedFixKind('slug_duplicate_renamed')).toBe('warning');
    expect(feedFixKind('timezone_defaulted')).toBe('note');
  });
});
