import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FeedMeeting, type FeedReport, feedFixKind, feedReportSchema } from '../../../../shared/contracts/meetings-feed.ts';
import { toMeetingGuide, toMeetingGuideFeed } from './export.ts';
import { isFeedError, NOT_AN_ARRAY, normalizeFeed } from './normalize.ts';

/**
 * Property tests over messy feeds: records built from the values real feeds send, the odd values
 * they sometimes send, and arbitrary values in any field.
 */

const htmlish = fc.constantFrom(
  '<b>Big Book</b>',
  'Ring <a href="x">buzzer</a><br>2nd floor',
  '&lt;script&gt;x&lt;/script&gt;',
  '&amp;amp;lt;i&amp;amp;gt;',
  '<<b>script>alert(1)<</b>/script>',
  'Men <3 group',
  '  spaced \t out \n\n\n text ',
  '<p></p>',
  'Café &#233; &#x1F600; &nbsp;',
  '<a',
  'b>',
);
const text = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: htmlish },
  fc.string({ unit: 'binary', maxLength: 20 }),
);
const time = fc.oneof(
  fc.constantFrom('19:00', '7:00', '19:00:00', '1900', '11:00 AM', '7pm', '12:00 am', '24:00', 'noon', 'TBA', '', '25:00'),
  fc.string({ maxLength: 8 }),
  fc.integer({ min: 0, max: 2400 }),
);

const plausible: Record<string, fc.Arbitrary<unknown>> = {
  slug: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('a', 'b', 'a-1', 'a-3', 'a 1', ' b ', 'x'.repeat(129)) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 5 }) },
    { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  ),
  name: text,
  day: fc.oneof(
    fc.integer({ min: -1, max: 8 }),
    fc.constantFrom('1', 'Monday', 'sun', 'Funday', '', null),
    fc.array(fc.oneof(fc.integer({ min: 0, max: 7 }), fc.constantFrom('3', 'Friday')), { maxLength: 4 }),
  ),
  time,
  end_time: time,
  timezone: fc.constantFrom(
    'America/New_York',
    'america/chicago',
    'US/Pacific',
    'Europe/London',
    'UTC',
    'Mars/Olympus',
    'EST',
    '',
    '+05:00',
  ),
  types: fc.oneof(
    fc.array(fc.constantFrom('O', 'onl', 'b', '', 'X', 'TC', 'S', 'ASL', 'HY', 'Custom', '12X12', 11, 'x'.repeat(40), null), {
      maxLength: 6,
    }),
    fc.constantFrom('O, D', 'ONL', ''),
  ),
  notes: text,
  location: text,
  location_notes: text,
  group: text,
  formatted_address: fc.constantFrom(
    'San Jose, CA, USA',
    '4953 W Addison St, Chicago, IL 60641, USA',
    'Edmonton, Alberta, T5B 0S5, Canada',
    '<b>1 Main</b>',
  ),
  address: fc.oneof(text, fc.constantFrom('123 Main St', '8318 104 St, Edmonton, Alberta, T6E 4E8, Canada')),
  city: text,
  state: fc.constantFrom('CA', 'IL', ''),
  postal_code: fc.oneof(fc.integer({ min: 0, max: 99999 }), fc.constantFrom('95110', '')),
  country: fc.constantFrom('US', 'USA', 'Canada'),
  approximate: fc.constantFrom('yes', 'no', true, false, 'maybe'),
  latitude: fc.oneof(fc.double({ min: -100, max: 100, noNaN: true }), fc.constantFrom('37.3', '', 'north', 0)),
  longitude: fc.oneof(fc.double({ min: -200, max: 200, noNaN: true }), fc.constantFrom('-121.9', 0)),
  region: text,
  sub_region: text,
  regions: fc.array(text, { maxLength: 3 }),
  conference_url: fc.oneof(fc.constantFrom('https://zoom.us/j/1', 'zoom.us/j/1', 'javascript:alert(1)', ''), fc.webUrl()),
  conference_phone: fc.oneof(fc.constantFrom('+16699009128,,123#', '(669) 900-9128', '+15873281099,,1#,,#,,Ab1#', 'call'), fc.integer()),
  conference_url_notes: text,
  updated: fc.oneof(
    fc.constantFrom('2021-05-26 19:03:46', '8/25/2022 11:17:07 AM', '8/29/2021', 'yesterday', '2021-05-26T19:03:46.5+02:00'),
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  ),
  url: fc.oneof(fc.webUrl(), text),
  feedback_emails: fc.oneof(fc.array(fc.emailAddress(), { maxLength: 2 }), fc.constantFrom('a@example.org, nope', '')),
  feedback_url: fc.constantFrom('mailto:x@example.org', 'https://example.org/f', 'ftp://x'),
  entity: text,
  entity_website_url: fc.webUrl(),
  contact_2_email: fc.oneof(fc.emailAddress(), text),
  contact_3_name: text,
  venmo: text,
  extra_field: fc.anything(),
};

const field = (arbitrary: fc.Arbitrary<unknown>) =>
  fc.oneof({ weight: 6, arbitrary }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) });
const record = fc.record(Object.fromEntries(Object.entries(plausible).map(([key, arbitrary]) => [key, field(arbitrary)])), {
  requiredKeys: [],
});
const feed = fc.array(fc.oneof({ weight: 8, arbitrary: record }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) }), {
  maxLength: 12,
});
/** Some feeds repeat records (copy-paste in a sheet): duplicate slugs guaranteed. */
const feedWithRepeats = fc.oneof(
  feed,
  feed.map((records) => [...records, ...records.slice(0, 4)]),
);
const zone = fc.constantFrom('America/Los_Angeles', 'Europe/London', 'Asia/Kolkata');

function report(raw: unknown, defaultTimezone: string): FeedReport {
  const result = normalizeFeed(raw, { defaultTimezone });
  if (isFeedError(result)) throw new Error(result.error);
  return result;
}

const TAG = /<\/?[a-z][^<>]*>|<!--/i;
function textValues(meeting: FeedMeeting): string[] {
  return Object.values(meeting).flatMap((value) =>
    typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [],
  );
}

describe('normalizeFeed on anything', () => {
  it('never throws, and a non-array is one clear error', () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        const result = normalizeFeed(raw, { defaultTimezone: 'UTC' });
        if (Array.isArray(raw)) expect(isFeedError(result)).toBe(false);
        else expect(result).toEqual({ error: NOT_AN_ARRAY });
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(
        fc.array(fc.anything(), { maxLength: 8 }),
        fc.array(fc.dictionary(fc.constantFrom(...Object.keys(plausible)), fc.anything())),
        (a, b) => {
          expect(isFeedError(normalizeFeed([...a, ...b], { defaultTimezone: 'UTC' }))).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('accounts for every record exactly once, with unique slugs and valid meetings', () => {
    const seen = { accepted: 0, rejected: 0, expanded: 0, html: 0, byAppointment: 0, duplicate: 0 };
    fc.assert(
      fc.property(feedWithRepeats, zone, (raw, defaultTimezone) => {
        const result = report(raw, defaultTimezone);
        seen.accepted += result.accepted.length;
        seen.rejected += result.rejected.length;
        seen.duplicate += result.fixes.filter((f) => f.fixes.includes('slug_duplicate_renamed')).length;
        seen.expanded += result.fixes.filter((f) => f.fixes.includes('day_array_expanded')).length;
        seen.html += result.fixes.filter((f) => f.fixes.includes('html_stripped')).length;
        seen.byAppointment += result.accepted.filter((m) => m.day === null).length;
        feedReportSchema.parse(result);
        expect(result.total).toBe(raw.length);
        expect(result.origins).toHaveLength(result.accepted.length);
        const acceptedFrom = new Set(result.origins);
        const rejectedFrom = result.rejected.map((r) => r.index);
        expect(new Set(rejectedFrom).size).toBe(rejectedFrom.length);
        expect(rejectedFrom.filter((i) => acceptedFrom.has(i))).toEqual([]);
        expect([...acceptedFrom, ...rejectedFrom].sort((x, y) => x - y)).toEqual(raw.map((_, i) => i));
        expect(new Set(result.accepted.map((m) => m.slug)).size).toBe(result.accepted.length);
        expect(result.normalized).toBe(result.fixes.filter((f) => f.fixes.some((fix) => feedFixKind(fix) === 'repair')).length);
        for (const entry of result.fixes) expect(acceptedFrom.has(entry.index)).toBe(true);
        for (const meeting of result.accepted) {
          expect(meeting.day === null).toBe(meeting.time === null);
          for (const value of textValues(meeting)) expect(value).not.toMatch(TAG);
        }
      }),
      { numRuns: 400 },
    );
    // The generator reaches every path that matters (not a test that cannot fail for lack of input).
    for (const [what, count] of Object.entries(seen)) expect(count, what).toBeGreaterThan(10);
  });
});

describe('export', () => {
  it('round-trips generated meetings: normalize → export → normalize is the same, with nothing rejected', () => {
    fc.assert(
      fc.property(feedWithRepeats, zone, zone, (raw, firstZone, secondZone) => {
        const first = report(raw, firstZone);
        const exported = JSON.parse(JSON.stringify(toMeetingGuideFeed(first.accepted)));
        const second = report(exported, secondZone);
        expect(second.rejected).toEqual([]);
        expect(second.accepted).toEqual(first.accepted);
        // The export is clean: what is left are notes and warnings, not repairs.
        for (const entry of second.fixes) {
          for (const fix of entry.fixes) expect(feedFixKind(fix), fix).not.toBe('repair');
        }
      }),
      { numRuns: 400 },
    );
  });

  it('writes valid Meeting Guide records', () => {
    fc.assert(
      fc.property(feed, (raw) => {
        for (const meeting of report(raw, 'UTC').accepted) {
          const out = toMeetingGuide(meeting);
          expect(typeof out.slug === 'string' && typeof out.name === 'string').toBe(true);
          if ('day' in out) expect([0, 1, 2, 3, 4, 5, 6]).toContain(out.day);
          if ('time' in out) expect(out.time).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
          if ('updated' in out) expect(out.updated).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
          expect(out.approximate === 'yes' || out.approximate === 'no').toBe(true);
          for (const value of Object.values(out)) expect(value).not.toBeNull();
        }
      }),
      { numRuns: 200 },
    );
  });
});
