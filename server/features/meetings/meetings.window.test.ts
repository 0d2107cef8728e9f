import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { durationMinutes, nextOccurrence, occurrenceNear, windowPieces } from './meetings.window.ts';

const minute = (iso: string) => DateTime.fromISO(iso, { setZone: true }).toMillis() / 60_000;

describe('windowPieces', () => {
  it('splits at the spring-forward gap: 02:00–02:59 does not exist on 8 March 2026 in New York', () => {
    const pieces = windowPieces('America/New_York', minute('2026-03-08T00:00:00-05:00'), minute('2026-03-08T05:00:00-04:00'));
    expect(pieces.map(({ day, from, to }) => [day, from, to])).toEqual([
      [0, '00:00', '01:59'],
      [0, '03:00', '04:59'],
    ]);
    // base + minute of day is the real instant on either side.
    expect((pieces[0]?.base ?? 0) + 60).toBe(minute('2026-03-08T01:00:00-05:00'));
    expect((pieces[1]?.base ?? 0) + 4 * 60).toBe(minute('2026-03-08T04:00:00-04:00'));
  });
  it('covers the repeated fall-back hour once (its first occurrence), and a window across midnight as two days', () => {
    const back = windowPieces('America/New_York', minute('2026-11-01T00:30:00-04:00'), minute('2026-11-01T02:30:00-05:00'));
    expect(back.map(({ from, to }) => [from, to])).toEqual([
      ['00:30', '01:59'],
      ['02:00', '02:29'],
    ]);
    // A window inside the second 01:00–01:59 holds no start at all.
    expect(windowPieces('America/New_York', minute('2026-11-01T01:10:00-05:00'), minute('2026-11-01T01:50:00-05:00'))).toEqual([]);
    const late = windowPieces('Europe/London', minute('2026-07-04T23:00:00+01:00'), minute('2026-07-05T01:00:00+01:00'));
    expect(late.map(({ day, from, to }) => [day, from, to])).toEqual([
      [6, '23:00', '23:59'],
      [0, '00:00', '00:59'],
    ]);
  });
});

describe('durations and occurrences', () => {
  it('a missing end means 60 minutes; an end before the start is the next day', () => {
    expect(durationMinutes('19:00', null)).toBe(60);
    expect(durationMinutes('23:30', '00:30')).toBe(60);
    expect(durationMinutes('07:00', '08:30')).toBe(90);
  });
  it('the next occurrence is the current one while it is in progress', () => {
    const at = DateTime.fromISO('2026-03-01T00:10:00-05:00', { setZone: true });
    expect(nextOccurrence('America/New_York', 6, '23:30', '00:30', at).toISO()).toBe('2026-02-28T23:30:00.000-05:00');
    expect(nextOccurrence('America/New_York', 6, '22:00', null, at).toISO()).toBe('2026-03-07T22:00:00.000-05:00');
  });
  it('a time the clocks pass twice is its first occurrence, whatever the date or today is', () => {
    const second = DateTime.fromISO('2026-11-01T07:00:00Z').toMillis() / 60_000;
    expect(occurrenceNear('America/Chicago', 0, '01:00', second).toUTC().toISO()).toBe('2026-11-01T06:00:00.000Z');
    const after = DateTime.fromISO('2026-11-01T07:45:00Z');
    expect(nextOccurrence('America/Chicago', 0, '01:00', null, after).toUTC().toISO()).toBe('2026-11-08T07:00:00.000Z');
    const during = DateTime.fromISO('2026-11-01T06:30:00Z');
    expect(nextOccurrence('America/Chicago', 0, '01:00', null, during).toUTC().toISO()).toBe('2026-11-01T06:00:00.000Z');
  });
});
