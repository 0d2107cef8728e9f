import { describe, expect, it } from 'vitest';
import { addDays, classifyDay, currentStreak, dailySeries, daysBetween, streaksOf, todayIn, windowEndingOn } from './checkins.dates.ts';

const at = (iso: string) => new Date(iso);

describe('todayIn', () => {
  it('follows America/New_York across the spring change (2024-03-10, 02:00 EST → 03:00 EDT)', () => {
    expect(todayIn('America/New_York', at('2024-03-10T04:59:00Z'))).toBe('2024-03-09'); // 23:59 EST
    expect(todayIn('America/New_York', at('2024-03-10T05:00:00Z'))).toBe('2024-03-10'); // 00:00 EST
    expect(todayIn('America/New_York', at('2024-03-10T07:30:00Z'))).toBe('2024-03-10'); // 03:30 EDT
    // After the change midnight is 04:00 UTC, not 05:00.
    expect(todayIn('America/New_York', at('2024-03-11T03:59:00Z'))).toBe('2024-03-10');
    expect(todayIn('America/New_York', at('2024-03-11T04:00:00Z'))).toBe('2024-03-11');
  });

  it('follows America/New_York across the autumn change (2024-11-03, a 25-hour day)', () => {
    expect(todayIn('America/New_York', at('2024-11-03T03:59:00Z'))).toBe('2024-11-02'); // 23:59 EDT
    expect(todayIn('America/New_York', at('2024-11-03T04:00:00Z'))).toBe('2024-11-03'); // 00:00 EDT
    expect(todayIn('America/New_York', at('2024-11-04T04:30:00Z'))).toBe('2024-11-03'); // 23:30 EST
    expect(todayIn('America/New_York', at('2024-11-04T05:00:00Z'))).toBe('2024-11-04');
  });

  it('follows Europe/London across both changes (2024-03-31 and 2024-10-27)', () => {
    expect(todayIn('Europe/London', at('2024-03-30T23:59:00Z'))).toBe('2024-03-30');
    expect(todayIn('Europe/London', at('2024-03-31T00:00:00Z'))).toBe('2024-03-31');
    expect(todayIn('Europe/London', at('2024-03-31T23:00:00Z'))).toBe('2024-04-01'); // 00:00 BST
    expect(todayIn('Europe/London', at('2024-10-26T23:00:00Z'))).toBe('2024-10-27'); // 00:00 BST
    expect(todayIn('Europe/London', at('2024-10-27T23:59:00Z'))).toBe('2024-10-27'); // 23:59 GMT
  });

  it('puts a member in Pacific/Auckland a day ahead of UTC, leap day and DST end included', () => {
    expect(todayIn('Pacific/Auckland', at('2024-02-28T10:59:00Z'))).toBe('2024-02-28'); // 23:59 NZDT
    expect(todayIn('Pacific/Auckland', at('2024-02-28T11:00:00Z'))).toBe('2024-02-29');
    expect(todayIn('Pacific/Auckland', at('2024-02-29T11:00:00Z'))).toBe('2024-03-01');
    // NZ summer time ends 2024-04-07 03:00 NZDT; midnight after it is 12:00 UTC.
    expect(todayIn('Pacific/Auckland', at('2024-04-07T11:59:00Z'))).toBe('2024-04-07');
    expect(todayIn('Pacific/Auckland', at('2024-04-07T12:00:00Z'))).toBe('2024-04-08');
  });

  it('refuses an unknown zone loudly', () => {
    expect(() => todayIn('Mars/Olympus_Mons')).toThrow();
  });
});

describe('calendar arithmetic', () => {
  it('counts the leap day', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(daysBetween('2024-02-01', '2024-03-01')).toBe(29);
    expect(daysBetween('2024-03-01', '2024-02-01')).toBe(-29);
    expect(addDays('2024-01-01', -1)).toBe('2023-12-31');
  });

  it('is unaffected by DST (dates, not instants)', () => {
    expect(addDays('2024-03-09', 1)).toBe('2024-03-10');
    expect(addDays('2024-03-10', 1)).toBe('2024-03-11');
    expect(daysBetween('2024-10-26', '2024-10-28')).toBe(2);
  });

  it('builds windows that include the end day', () => {
    expect(windowEndingOn('2024-03-03', 7)).toEqual({ from: '2024-02-26', to: '2024-03-03' });
    expect(windowEndingOn('2024-12-31', 365)).toEqual({ from: '2024-01-02', to: '2024-12-31' });
    expect(windowEndingOn('2025-12-31', 365)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(windowEndingOn('2024-03-31', 1)).toEqual({ from: '2024-03-31', to: '2024-03-31' });
  });
});

describe('classifyDay', () => {
  it('tells today, backfill (up to 30 days), too old and future apart', () => {
    expect(classifyDay('2024-03-01', '2024-03-01')).toBe('today');
    expect(classifyDay('2024-02-29', '2024-03-01')).toBe('backfill');
    expect(classifyDay('2024-01-31', '2024-03-01')).toBe('backfill'); // 30 days
    expect(classifyDay('2024-01-30', '2024-03-01')).toBe('too_old'); // 31 days
    expect(classifyDay('2024-03-02', '2024-03-01')).toBe('future');
  });
});

describe('streaks', () => {
  it('counts a run through the leap day', () => {
    expect(streaksOf(['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01'], '2024-03-01')).toEqual({ current: 4, longest: 4 });
    // 2023 has no 29 February: the 28th and 1 March are consecutive.
    expect(streaksOf(['2023-02-27', '2023-02-28', '2023-03-01'], '2023-03-01')).toEqual({ current: 3, longest: 3 });
  });

  it('keeps the current streak alive until the end of the day after the last check-in', () => {
    const dates = ['2024-03-08', '2024-03-09', '2024-03-10'];
    expect(streaksOf(dates, '2024-03-10').current).toBe(3);
    expect(streaksOf(dates, '2024-03-11').current).toBe(3); // today not done yet
    expect(streaksOf(dates, '2024-03-12').current).toBe(0);
  });

  it('finds the longest run apart from the current one, ignoring duplicates and order', () => {
    const dates = ['2024-10-27', '2024-10-25', '2024-10-26', '2024-10-26', '2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04'];
    expect(streaksOf(dates, '2024-10-28')).toEqual({ current: 3, longest: 4 });
    expect(streaksOf([], '2024-10-28')).toEqual({ current: 0, longest: 0 });
  });

  it('does not count a day beyond today (a member who moved west of their old zone)', () => {
    expect(currentStreak({ start: '2024-05-01', end: '2024-05-04' }, '2024-05-03')).toBe(3);
    expect(currentStreak(null, '2024-05-03')).toBe(0);
  });
});

describe('dailySeries', () => {
  it('has one point per day, oldest first, with gaps as nulls', () => {
    const series = dailySeries({ from: '2024-02-28', to: '2024-03-01' }, [
      { localDate: '2024-02-29', mood: 4, craving: 2, sleepHours: 7.5 },
    ]);
    expect(series).toEqual([
      { date: '2024-02-28', checkedIn: false, mood: null, craving: null, sleepHours: null },
      { date: '2024-02-29', checkedIn: true, mood: 4, craving: 2, sleepHours: 7.5 },
      { date: '2024-03-01', checkedIn: false, mood: null, craving: null, sleepHours: null },
    ]);
  });
});

describe('dailySeries over long windows', () => {
  it('steps through month ends, the leap day and the new year like addDays does', () => {
    for (const [to, days] of [
      ['2024-12-31', 365],
      ['2025-03-01', 400],
      ['2100-03-01', 60],
    ] as const) {
      const window = windowEndingOn(to, days);
      const series = dailySeries(window, []);
      expect(series).toHaveLength(days);
      expect(series.map((p) => p.date)).toEqual(Array.from({ length: days }, (_, i) => addDays(window.from, i)));
    }
  });
});
