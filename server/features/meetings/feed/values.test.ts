import { describe, expect, it } from 'vitest';
import { cleanText } from './text.ts';
import { canonicalTimeZone, parseConferencePhone, parseCoordinate, parseDay, parseTime, parseUpdated, parseUrl } from './values.ts';

const value = <T>(result: { ok: true; value: T } | { ok: false }) => (result.ok ? result.value : 'invalid');
const fixes = (result: { ok: true; fixes: string[] } | { ok: false }) => (result.ok ? result.fixes : 'invalid');

describe('day', () => {
  it('reads integers, numeric strings, English names and ISO 7', () => {
    expect([0, 6, '1', ' 3 ', 'Monday', 'sat', 'THU', 'Tues.', 7, '7'].map((d) => value(parseDay(d)))).toEqual([
      0, 6, 1, 3, 1, 6, 4, 2, 0, 0,
    ]);
    expect(fixes(parseDay('1'))).toEqual(['number_as_string']);
    expect(fixes(parseDay('Monday'))).toEqual(['day_name']);
    expect(fixes(parseDay(7))).toEqual(['day_7_as_sunday']);
    expect(fixes(parseDay(2))).toEqual([]);
  });

  it('refuses anything else', () => {
    for (const bad of ['Funday', 8, -1, 1.5, '1.0', true, {}, [], 'constructor', 'toString']) expect(parseDay(bad).ok).toBe(false);
  });
});

describe('time', () => {
  it.each([
    ['19:00', '19:00', []],
    ['7:00', '07:00', ['time_reformatted']],
    ['19:00:00', '19:00', ['time_reformatted']],
    ['1900', '19:00', ['time_reformatted']],
    ['19.30', '19:30', ['time_reformatted']],
    ['24:00', '00:00', ['time_reformatted']],
    ['11:00 AM', '11:00', ['time_12h']],
    ['9:00 PM', '21:00', ['time_12h']],
    ['12:00 AM', '00:00', ['time_12h']],
    ['12:30 pm', '12:30', ['time_12h']],
    ['7pm', '19:00', ['time_12h']],
    ['7 p.m.', '19:00', ['time_12h']],
    ['6:45a', '06:45', ['time_12h']],
    ['noon', '12:00', ['time_12h']],
    ['Midnight', '00:00', ['time_12h']],
    [1930, '19:30', ['number_as_string', 'time_reformatted']],
  ])('%s → %s', (raw, expected, expectedFixes) => {
    expect(value(parseTime(raw))).toBe(expected);
    expect(fixes(parseTime(raw))).toEqual(expectedFixes);
  });

  it('refuses impossible or unclear times', () => {
    for (const bad of ['25:00', '19:60', '13pm', '0am', 'TBA', '19', '7', 'evening', 19.5, null, {}]) expect(parseTime(bad).ok).toBe(false);
  });
});

describe('timezone', () => {
  it('accepts IANA names and gives their canonical spelling', () => {
    expect(canonicalTimeZone('America/New_York')).toBe('America/New_York');
    expect(canonicalTimeZone('america/new_york')).toBe('America/New_York');
    expect(canonicalTimeZone(' Europe/London ')).toBe('Europe/London');
    expect(canonicalTimeZone('UTC')).toBe('UTC');
  });

  it('refuses unknown zones, offsets and abbreviations', () => {
    for (const bad of ['Mars/Olympus', '+05:00', '-0800', 'EST', 'PST', 'Z', '', 'America/'])
      expect(canonicalTimeZone(bad), bad).toBeNull();
  });
});

describe('updated', () => {
  it.each([
    ['2021-05-26 19:03:46', '2021-05-26T19:03:46.000Z', []],
    ['2021-05-26T19:03:46.789-04:00', '2021-05-26T23:03:46.000Z', ['updated_reformatted']],
    ['8/25/2022 11:17:07 AM', '2022-08-25T11:17:07.000Z', ['updated_reformatted']],
    ['8/25/2022 1:17:07 PM', '2022-08-25T13:17:07.000Z', ['updated_reformatted']],
    ['8/29/2021', '2021-08-29T00:00:00.000Z', ['updated_reformatted']],
    ['25/8/2022', '2022-08-25T00:00:00.000Z', ['updated_reformatted']],
    ['2021-05-26', '2021-05-26T00:00:00.000Z', ['updated_reformatted']],
  ])('%s → %s', (raw, expected, expectedFixes) => {
    expect(value(parseUpdated(raw))).toBe(expected);
    expect(fixes(parseUpdated(raw))).toEqual(expectedFixes);
  });

  it('refuses what is not a plausible date', () => {
    for (const bad of ['yesterday', '13/13/2021', '0000-00-00 00:00:00', '1899-01-01', {}, true]) expect(parseUpdated(bad).ok).toBe(false);
  });
});

describe('coordinates, URLs and phones', () => {
  it('reads numbers and numeric strings within range', () => {
    expect(value(parseCoordinate('37.3', 90))).toBe(37.3);
    expect(fixes(parseCoordinate('37.3', 90))).toEqual(['number_as_string']);
    expect(value(parseCoordinate(-122.5, 180))).toBe(-122.5);
    for (const bad of [91, '-181', 'north', '', Number.NaN, null]) expect(parseCoordinate(bad, bad === '-181' ? 180 : 90).ok).toBe(false);
  });

  it('keeps http(s) URLs only', () => {
    expect(parseUrl(' https://zoom.us/j/123?pwd=x ')).toBe('https://zoom.us/j/123?pwd=x');
    expect(parseUrl('http://example.org')).toBe('http://example.org');
    for (const bad of ['javascript:alert(1)', 'zoom.us/j/123', 'ftp://example.org', 'https://exa mple.org', 'data:text/html,hi'])
      expect(parseUrl(bad)).toBeNull();
    expect(parseUrl('mailto:a@example.org', ['mailto:'])).toBe('mailto:a@example.org');
  });

  it('cleans dial strings without inventing digits', () => {
    expect(value(parseConferencePhone('+16699009128,,71771828957#'))).toBe('+16699009128,,71771828957#');
    expect(value(parseConferencePhone('+1 312 626 6799,,665321214#'))).toBe('+13126266799,,665321214#');
    expect(fixes(parseConferencePhone('+1 312 626 6799,,665321214#'))).toEqual(['conference_phone_cleaned']);
    expect(value(parseConferencePhone('+15873281099,,8076462994#,,#,,Bill&Bob1#'))).toBe('+15873281099,,8076462994#,,#');
    expect(value(parseConferencePhone('(555) 123-4567 ext. 9'))).toBe('5551234567');
    expect(parseConferencePhone('call us').ok).toBe(false);
    expect(parseConferencePhone('1-800-CALL-NOW').ok).toBe(false);
  });
});

describe('text', () => {
  const line = (raw: string) => cleanText(raw, { max: 255, multiline: false });
  const notes = (raw: string) => cleanText(raw, { max: 100, multiline: true });

  it('strips tags to text and decodes entities', () => {
    expect(line('<b>Big</b> Book &amp; <i>Steps</i>')).toEqual({ text: 'Big Book & Steps', htmlStripped: true, truncated: false });
    expect(line('<script>alert(1)</script>Serenity')).toMatchObject({ text: 'Serenity', htmlStripped: true });
    expect(line('<a href="https://x.org" onclick="evil()">Link</a>').text).toBe('Link');
    expect(line('&lt;script&gt;alert(1)&lt;/script&gt;Hi').text).toBe('Hi');
    expect(line('&lt;&lt;b&gt;img src=x onerror=alert(1)&gt;').text).not.toMatch(/<[a-z]/i);
    expect(line('Caf&eacute; &#8212; &#x2764;').text).toBe('Café — ❤');
    expect(notes('Hall open <br> other days at 9am<p>Masks</p>').text).toBe('Hall open\nother days at 9am\nMasks');
  });

  it('leaves text that only looks like markup alone', () => {
    expect(line('Men <3 group, a < b > c')).toEqual({ text: 'Men <3 group, a < b > c', htmlStripped: false, truncated: false });
    expect(line('Bread & Butter').text).toBe('Bread & Butter');
    expect(line('&unknown; entity').text).toBe('&unknown; entity');
  });

  it('tidies whitespace and blanks', () => {
    expect(line('  Sunday \t Serenity \n').text).toBe('Sunday Serenity');
    expect(notes('a  b\r\n\r\n\r\n\r\nc ').text).toBe('a b\n\nc');
    expect(line('\t\t  ').text).toBeNull();
    expect(line('<p></p>').text).toBeNull();
  });

  it('truncates with an ellipsis and is a fixed point', () => {
    const long = cleanText('word '.repeat(100), { max: 50, multiline: false });
    expect(long.truncated).toBe(true);
    expect(long.text?.length).toBeLessThanOrEqual(50);
    expect(long.text?.endsWith('…')).toBe(true);
    const again = cleanText(long.text ?? '', { max: 50, multiline: false });
    expect(again).toEqual({ text: long.text, htmlStripped: false, truncated: false });
    const nested = `${'&amp;'.repeat(3)}lt;b&gt;`;
    const once = line(nested).text ?? '';
    expect(line(once).text).toBe(once);
  });
});
