import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { isUpcomingOccurrence, upcomingOccurrences } from './buddies.occurrences.ts';

const sundayEvening = { day: 0, time: '19:00', timezone: 'America/New_York', attendanceMode: 'in_person' };
const at = (iso: string) => DateTime.fromISO(iso, { setZone: true }).toJSDate();

describe('occurrences across daylight-saving changes', () => {
  it('offers 19:00 local on both sides of the autumn change, and accepts exactly those instants', () => {
    const now = at('2026-10-24T12:00:00-04:00');
    const offered = upcomingOccurrences(sundayEvening, now, 3).map((d) => d.toISO());
    expect(offered).toEqual(['2026-10-25T19:00:00.000-04:00', '2026-11-01T19:00:00.000-05:00', '2026-11-08T19:00:00.000-05:00']);
    expect(isUpcomingOccurrence(sundayEvening, at('2026-11-01T19:00:00-05:00'), now)).toBe(true);
    // 19:00 at the summer offset is 18:00 local after the change: not a time of this meeting.
    expect(isUpcomingOccurrence(sundayEvening, at('2026-11-01T19:00:00-04:00'), now)).toBe(false);
    expect(isUpcomingOccurrence(sundayEvening, at('2026-11-02T00:00:00Z'), now)).toBe(true);
  });

  it('a meeting in the skipped spring hour is offered and accepted at the time luxon moves it to', () => {
    const early = { day: 0, time: '02:30', timezone: 'America/New_York', attendanceMode: 'online' };
    const now = at('2027-03-10T12:00:00-05:00');
    const [first] = upcomingOccurrences(early, now, 1);
    expect(first?.toISO()).toBe('2027-03-14T03:30:00.000-04:00');
    expect(isUpcomingOccurrence(early, first?.toJSDate() as Date, now)).toBe(true);
    // 02:30 written at the summer offset is 01:30 local standard time: an hour before the meeting.
    expect(isUpcomingOccurrence(early, at('2027-03-14T02:30:00-04:00'), now)).toBe(false);
  });

  it('by appointment, inactive, past and far-off times are never occurrences', () => {
    const now = at('2026-10-24T12:00:00-04:00');
    expect(upcomingOccurrences({ ...sundayEvening, day: null, time: null }, now)).toEqual([]);
    expect(upcomingOccurrences({ ...sundayEvening, attendanceMode: 'inactive' }, now)).toEqual([]);
    expect(isUpcomingOccurrence(sundayEvening, at('2026-10-18T19:00:00-04:00'), now)).toBe(false);
    expect(isUpcomingOccurrence(sundayEvening, at('2027-01-03T19:00:00-05:00'), now)).toBe(false);
  });
});
