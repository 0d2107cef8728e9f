import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type FeedReport, feedFixKind, feedMeetingSchema, feedReportSchema } from '../../../../shared/contracts/meetings-feed.ts';
import { meetingGuideFeed } from '../../../test/field-data.ts';
import { toMeetingGuideFeed } from './export.ts';
import { isFeedError, normalizeFeed } from './normalize.ts';

/** The real feeds (../shared/data/meeting-guide from the project root), read in place. */
const DATA = meetingGuideFeed();
const read = (file: string): unknown => JSON.parse(readFileSync(path.join(DATA, file), 'utf8'));

function run(raw: unknown, defaultTimezone: string): FeedReport {
  const report = normalizeFeed(raw, { defaultTimezone });
  if (isFeedError(report)) throw new Error(report.error);
  return report;
}

const countFixes = (report: FeedReport) => {
  const counts: Record<string, number> = {};
  for (const record of report.fixes) for (const fix of record.fixes) counts[fix] = (counts[fix] ?? 0) + 1;
  return counts;
};
const countModes = (report: FeedReport) => {
  const counts: Record<string, number> = {};
  for (const meeting of report.accepted) counts[meeting.attendanceMode] = (counts[meeting.attendanceMode] ?? 0) + 1;
  return counts;
};

/**
 * Pinned after reading the data: every count below was checked against the records (see the
 * comments); a change in any of them is a change in behaviour.
 */
const EXPECTED = {
  'aasanjose.test.json': {
    zone: 'America/Los_Angeles',
    total: 693,
    accepted: 693,
    normalized: 417, // the dates, and one end time; the default zone (no `timezone` in this feed) is a note
    rejected: [],
    fixes: {
      timezone_defaulted: 693, // a note
      updated_reformatted: 417, // "8/29/2021" (the other 276 have updated: null)
      crosses_midnight: 2, // sundowners-dinner-meeting 19:15–08:15, sicker-than-others 23:00–00:00
      length_implausible: 2, // 19:15–08:15 (13 h), and one 12:30–01:30
      end_time_same_as_start_dropped: 1, // sunday-night-survivors 19:30–19:30
      slug_duplicate_renamed: 1, // index 511 repeats pass-it-on-group (index 331): kept as pass-it-on-group-2
    },
    // online: a city-level formatted address ("San Jose, CA, USA") or TC with a Zoom link
    modes: { online: 293, in_person: 157, hybrid: 122, inactive: 121 },
    ignoredFields: [],
  },
  'aasfmarin.test.json': {
    zone: 'America/Denver', // every record names America/Los_Angeles, so the default is never used
    total: 658,
    accepted: 658,
    normalized: 1, // no end_time and ONL everywhere are notes: one real repair
    rejected: [],
    fixes: {
      end_time_missing: 658,
      type_code_online_derived: 603, // ONL
      number_as_string: 141, // latitude/longitude as strings
      coordinates_invalid_dropped: 1, // the-headless-horsemen-862: longitude without latitude
    },
    modes: { online: 514, hybrid: 89, in_person: 55 },
    ignoredFields: [],
  },
  'kc.test.json': {
    zone: 'America/Chicago',
    total: 206,
    accepted: 206,
    normalized: 21, // the 20 group notes with markup and the one phone
    rejected: [],
    fixes: {
      number_to_text: 206, // postal_code as a number (integer slugs are allowed by the spec)
      end_time_missing: 206,
      timezone_defaulted: 206,
      type_code_online_derived: 70, // lowercase "onl"
      html_stripped: 20, // group_notes with <br>
      conference_phone_cleaned: 1, // "+1 312 626 6799,,665321214#"
    },
    modes: { in_person: 116, hybrid: 48, inactive: 9, online: 33 },
    ignoredFields: ['append'],
  },
  'edmonton.json': {
    zone: 'America/Edmonton',
    total: 315,
    accepted: 315, // every `day` array has one element
    normalized: 315, // 12-hour times in every record
    rejected: [],
    fixes: {
      day_array_expanded: 315,
      time_12h: 315,
      end_time_missing: 315,
      timezone_defaulted: 315,
      address_as_formatted: 315, // "8318 104 St, Edmonton, Alberta, T6E 4E8, Canada" in `address`
      updated_reformatted: 315, // "8/25/2022 11:17:07 AM"
      type_code_online_derived: 74,
      conference_phone_cleaned: 14, // letter passcodes after the meeting id are cut off
      type_code_invalid_dropped: 1, // slug 1543: types [""]
    },
    modes: { in_person: 220, hybrid: 30, inactive: 21, online: 44 },
    ignoredFields: [],
  },
  'timezones.test.json': {
    zone: 'UTC',
    total: 2,
    accepted: 2,
    normalized: 0,
    rejected: [],
    fixes: { end_time_missing: 2 },
    modes: { inactive: 2 }, // a city and nothing else: neither a street address nor a way to join online
    ignoredFields: [],
  },
  'appointment.test.json': {
    zone: 'America/Los_Angeles',
    total: 2,
    accepted: 2,
    normalized: 0,
    rejected: [],
    fixes: { timezone_defaulted: 2, end_time_missing: 1 },
    modes: { online: 2 },
    ignoredFields: [],
  },
} as const;

describe('the real feeds', () => {
  it('covers every file in the data folder', () => {
    expect(
      readdirSync(DATA)
        .filter((file) => file.endsWith('.json'))
        .sort(),
    ).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [file, expected] of Object.entries(EXPECTED)) {
    describe(file, () => {
      const report = run(read(file), expected.zone);

      it('gives the pinned counts, fixes and rejections', () => {
        expect(feedReportSchema.parse(report)).toBeTruthy();
        expect({
          total: report.total,
          accepted: report.accepted.length,
          normalized: report.normalized,
          rejected: report.rejected,
          fixes: countFixes(report),
          modes: countModes(report),
          ignoredFields: report.ignoredFields,
        }).toEqual({ ...expected, zone: undefined, fixes: { ...expected.fixes }, modes: { ...expected.modes } });
        const repaired = report.fixes.filter((record) => record.fixes.some((fix) => feedFixKind(fix) === 'repair'));
        expect(repaired).toHaveLength(report.normalized);
      });

      it('accounts for every record exactly once', () => {
        const acceptedFrom = new Set(report.origins);
        const rejectedFrom = new Set(report.rejected.map((r) => r.index));
        expect([...acceptedFrom].filter((i) => rejectedFrom.has(i))).toEqual([]);
        expect(acceptedFrom.size + rejectedFrom.size).toBe(report.total);
        expect(new Set(report.accepted.map((m) => m.slug)).size).toBe(report.accepted.length);
      });

      it('round-trips: normalize → export → normalize gives the same meetings and no rejection', () => {
        const exported = JSON.parse(JSON.stringify(toMeetingGuideFeed(report.accepted)));
        const again = run(exported, 'Pacific/Auckland');
        expect(again.rejected).toEqual([]);
        expect(again.accepted).toEqual(report.accepted);
        const leftover = new Set(again.fixes.flatMap((r) => r.fixes));
        for (const fix of leftover) expect(feedFixKind(fix), fix).not.toBe('repair');
      });
    });
  }

  it('reads the particular records the README points at', () => {
    const edmonton = run(read('edmonton.json'), 'America/Edmonton');
    expect(edmonton.accepted[0]).toMatchObject({ slug: '6-6', day: 6, time: '11:00', endTime: null, timezone: 'America/Edmonton' });
    expect(edmonton.accepted.find((m) => m.slug === '1473-5')).toMatchObject({
      time: '21:00',
      types: ['C'],
      attendanceMode: 'online',
      approximate: true,
      updated: '2022-06-27T09:52:35.000Z',
    });
    const sanJose = run(read('aasanjose.test.json'), 'America/Los_Angeles');
    expect(sanJose.accepted.find((m) => m.slug === 'sundowners-dinner-meeting')).toMatchObject({
      time: '19:15',
      endTime: '08:15',
      crossesMidnight: true,
    });
    const kc = run(read('kc.test.json'), 'America/Chicago');
    expect(kc.accepted[0]).toMatchObject({ slug: '254', postalCode: '64113', groupNotes: null });
    expect(kc.accepted.every((m) => !m.groupNotes?.includes('<'))).toBe(true);
    const zones = run(read('timezones.test.json'), 'UTC');
    expect(zones.accepted.map((m) => [m.slug, m.timezone])).toEqual([
      ['sf-meeting', 'America/Los_Angeles'],
      ['pa-meeting', 'America/New_York'],
    ]);
    const appointment = run(read('appointment.test.json'), 'America/Los_Angeles');
    expect(appointment.accepted.map((m) => [m.slug, m.day, m.time])).toEqual([
      ['josh-meeting', null, null],
      ['time-meeting', 4, '20:00'],
    ]);
  });

  it('is quick on the biggest file and on a 2,000-meeting feed', () => {
    const median = (raw: unknown) => {
      const times: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        const start = performance.now();
        run(raw, 'America/Los_Angeles');
        times.push(performance.now() - start);
      }
      return times.sort((a, b) => a - b)[2] ?? 0;
    };
    const marin = read('aasfmarin.test.json');
    // 2,000 records drawn from every real feed in turn, quirks included, with unique slugs.
    const pool = Object.keys(EXPECTED).flatMap((file) => read(file) as Record<string, unknown>[]);
    const synthesized = Array.from({ length: 2000 }, (_, i) => ({ ...pool[i % pool.length], slug: `synth-${i}` }));
    const report = run(synthesized, 'America/Los_Angeles');
    expect(report.total).toBe(2000);
    expect(report.rejected).toEqual([]);
    for (const meeting of report.accepted.slice(0, 50)) feedMeetingSchema.parse(meeting);
    const marinMs = median(marin);
    const synthesizedMs = median(synthesized);
    console.info(`normalizeFeed: aasfmarin (658 records, 1.3 MB) ${marinMs.toFixed(1)} ms; 2,000 records ${synthesizedMs.toFixed(1)} ms`);
    expect(synthesizedMs).toBeLessThan(5000);
  });
});
