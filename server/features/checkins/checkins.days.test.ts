import { describe, expect, it } from 'vitest';
import { addDays, windowEndingOn } from '../../lib/dates.ts';
import { classifyDay, currentStreak, dailySeries, streaksOf } from './checkins.days.ts';

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
