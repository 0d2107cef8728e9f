import { describe, expect, it } from 'vitest';
import { iso, localDateAt } from '../../lib/dates.ts';
import { dedupeKey, dueReminder, nextReminder, parseLocalTime, reminderInstantOn } from './reminders.schedule.ts';

const at = (instant: string) => new Date(instant);

/** Every minute of a window, and the reminders a sweep running each minute would send (one per local day). */
function firings(zone: string, time: string, from: string, to: string): string[] {
  const sent = new Map<string, string>();
  // The first day's reminder may be long past at `from`: only the days after it are looked at.
  const firstDay = localDateAt(zone, at(from));
  for (let t = at(from).getTime(); t <= at(to).getTime(); t += 60_000) {
    const due = dueReminder(zone, time, new Date(t));
    if (due && due.localDate !== firstDay && !sent.has(due.localDate)) sent.set(due.localDate, iso(new Date(t)));
  }
  return [...sent.values()];
}

describe('parseLocalTime', () => {
  it('takes HH:MM and nothing else', () => {
    expect(parseLocalTime('07:05')).toEqual({ hour: 7, minute: 5 });
    for (const bad of ['7:05', '24:00', '12:60', '12:00:00', '', 'noon']) expect(() => parseLocalTime(bad)).toThrow();
  });
});

describe('reminderInstantOn', () => {
  it('is the local wall-clock time in the zone on ordinary days', () => {
    expect(iso(reminderInstantOn('2026-01-15', '08:00', 'America/New_York'))).toBe('2026-01-15T13:00:00.000Z');
    expect(iso(reminderInstantOn('2026-07-15', '08:00', 'America/New_York'))).toBe('2026-07-15T12:00:00.000Z');
    expect(iso(reminderInstantOn('2026-07-15', '08:00', 'Europe/Berlin'))).toBe('2026-07-15T06:00:00.000Z');
  });

  it('moves a time inside the spring-forward gap forward by the gap (02:30 → 03:30 local)', () => {
    // US: 8 March 2026, 02:00 EST → 03:00 EDT.
    expect(iso(reminderInstantOn('2026-03-08', '02:30', 'America/New_York'))).toBe('2026-03-08T07:30:00.000Z'); // 03:30 EDT
    expect(iso(reminderInstantOn('2026-03-08', '02:30', 'America/Los_Angeles'))).toBe('2026-03-08T10:30:00.000Z'); // 03:30 PDT
    // EU: 29 March 2026, London 01:00 GMT → 02:00 BST; Berlin 02:00 CET → 03:00 CEST.
    expect(iso(reminderInstantOn('2026-03-29', '01:30', 'Europe/London'))).toBe('2026-03-29T01:30:00.000Z'); // 02:30 BST
    expect(iso(reminderInstantOn('2026-03-29', '02:30', 'Europe/Berlin'))).toBe('2026-03-29T01:30:00.000Z'); // 03:30 CEST
  });

  it('takes the first occurrence of a time repeated on the fall-back night', () => {
    // US: 1 November 2026, 02:00 EDT → 01:00 EST; 01:30 happens at 05:30Z and again at 06:30Z.
    expect(iso(reminderInstantOn('2026-11-01', '01:30', 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z');
    expect(iso(reminderInstantOn('2026-11-01', '01:30', 'America/Los_Angeles'))).toBe('2026-11-01T08:30:00.000Z');
    // EU: 25 October 2026, London 02:00 BST → 01:00 GMT; Berlin 03:00 CEST → 02:00 CET.
    expect(iso(reminderInstantOn('2026-10-25', '01:30', 'Europe/London'))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(reminderInstantOn('2026-10-25', '02:30', 'Europe/Berlin'))).toBe('2026-10-25T00:30:00.000Z');
  });
});

describe('nextReminder', () => {
  it('is today’s when its time is still ahead, tomorrow’s once it has passed', () => {
    expect(nextReminder('America/Los_Angeles', '20:00', at('2026-06-01T18:00:00Z'))).toEqual({
      at: at('2026-06-02T03:00:00Z'),
      localDate: '2026-06-01',
    });
    expect(nextReminder('America/Los_Angeles', '20:00', at('2026-06-02T03:00:00Z'))).toEqual({
      at: at('2026-06-03T03:00:00Z'),
      localDate: '2026-06-02',
    });
  });

  it('keeps the same local time across the changes (23- and 25-hour days)', () => {
    // The evening before spring forward in Berlin, the next 08:00 is 23 hours away, not 24.
    const before = nextReminder('Europe/Berlin', '08:00', at('2026-03-28T07:00:00Z'));
    expect(before).toEqual({ at: at('2026-03-29T06:00:00Z'), localDate: '2026-03-29' });
    // The day before fall back in New York, the next 08:00 is 25 hours away.
    const fall = nextReminder('America/New_York', '08:00', at('2026-10-31T12:00:00Z'));
    expect(fall).toEqual({ at: at('2026-11-01T13:00:00Z'), localDate: '2026-11-01' });
  });

  it('belongs to the member’s local day, not the server’s (UTC) day', () => {
    // 22:00 in Los Angeles is already the next day in UTC.
    expect(nextReminder('America/Los_Angeles', '22:00', at('2026-06-01T12:00:00Z')).localDate).toBe('2026-06-01');
    expect(localDateAt('America/Los_Angeles', at('2026-06-02T05:00:00Z'))).toBe('2026-06-01');
  });
});

describe('a sweep every minute sends once per local day, across every DST change', () => {
  const cases: [string, string, string, string, string[]][] = [
    // zone, time, from, to, expected firing instants
    [
      'America/New_York',
      '02:30',
      '2026-03-07T12:00:00Z',
      '2026-03-09T12:00:00Z',
      ['2026-03-08T07:30:00.000Z', '2026-03-09T06:30:00.000Z'], // 03:30 EDT on the short day, then 02:30 EDT
    ],
    [
      'America/Los_Angeles',
      '01:30',
      '2026-10-31T12:00:00Z',
      '2026-11-02T12:00:00Z',
      ['2026-11-01T08:30:00.000Z', '2026-11-02T09:30:00.000Z'], // once on the 25-hour day
    ],
    ['America/New_York', '01:30', '2026-10-31T12:00:00Z', '2026-11-02T12:00:00Z', ['2026-11-01T05:30:00.000Z', '2026-11-02T06:30:00.000Z']],
    ['Europe/London', '01:30', '2026-03-28T12:00:00Z', '2026-03-30T12:00:00Z', ['2026-03-29T01:30:00.000Z', '2026-03-30T00:30:00.000Z']],
    ['Europe/London', '01:30', '2026-10-24T12:00:00Z', '2026-10-26T12:00:00Z', ['2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z']],
    ['Europe/Berlin', '02:30', '2026-03-28T12:00:00Z', '2026-03-30T12:00:00Z', ['2026-03-29T01:30:00.000Z', '2026-03-30T00:30:00.000Z']],
    ['Europe/Berlin', '02:30', '2026-10-24T12:00:00Z', '2026-10-26T12:00:00Z', ['2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z']],
  ];
  it.each(cases)('%s at %s from %s', (zone, time, from, to, expected) => {
    expect(firings(zone, time, from, to)).toEqual(expected);
  });
});

describe('dedupeKey', () => {
  it('is member, kind and local day', () => {
    expect(dedupeKey('u1', 'checkin', '2026-03-08')).toBe('u1:checkin:2026-03-08');
  });
});
