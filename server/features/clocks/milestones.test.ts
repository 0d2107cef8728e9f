import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { clockTotals, milestonesOf, nthMilestone, runLength, zoned } from './milestones.ts';

const at = (iso: string) => new Date(iso);
const HOUR = 3600_000;

/** The milestone with `key` of a clock started at `start` (ISO with offset), as ISO in `zone`. */
function milestoneIso(start: string, zone: string, key: string): string {
  const origin = zoned(start, zone);
  for (let n = 0; n < 40; n++) {
    const m = nthMilestone(origin, n);
    if (m.key === key) return m.at.toISO() as string;
  }
  throw new Error(`no milestone ${key}`);
}

describe('the milestone ladder', () => {
  it('runs 24 hours, 7, 30, 60, 90 days, 6, 9 months, 1 year, 18 months, then every year', () => {
    const { reached, next } = milestonesOf(at('2020-01-15T12:00:00Z'), at('2026-02-01T12:00:00Z'), 'UTC');
    expect(reached.map((m) => m.key)).toEqual([
      '24_hours',
      '7_days',
      '30_days',
      '60_days',
      '90_days',
      '6_months',
      '9_months',
      '1_year',
      '18_months',
      '2_years',
      '3_years',
      '4_years',
      '5_years',
      '6_years',
    ]);
    expect(next).toMatchObject({ key: '7_years', amount: 7, unit: 'years' });
    expect(next.at.toISO()).toBe('2027-01-15T12:00:00.000Z');
  });

  it('a fresh clock has reached nothing and looks forward to 24 hours', () => {
    const { reached, next } = milestonesOf(at('2026-05-01T10:00:00Z'), at('2026-05-01T10:00:00Z'), 'America/Chicago');
    expect(reached).toEqual([]);
    expect(next.key).toBe('24_hours');
  });

  it('counts a milestone as reached at its exact instant', () => {
    const { reached } = milestonesOf(at('2026-05-01T10:00:00Z'), at('2026-05-08T10:00:00Z'), 'UTC');
    expect(reached.at(-1)?.key).toBe('7_days');
  });
});

describe('US daylight saving (America/New_York)', () => {
  const zone = 'America/New_York';

  it('spring forward: the 23-hour day still counts as one day; 24 hours is an hour later', () => {
    const start = '2026-03-07T20:00:00-05:00';
    expect(runLength(at(start), at('2026-03-08T19:59:00-04:00'), zone).days).toBe(0);
    expect(runLength(at(start), at('2026-03-08T20:00:00-04:00'), zone)).toEqual({ days: 1, remainderMs: 0 });
    expect(milestoneIso(start, zone, '24_hours')).toBe('2026-03-08T21:00:00.000-04:00');
    expect(milestoneIso(start, zone, '7_days')).toBe('2026-03-14T20:00:00.000-04:00');
  });

  it('fall back: the 25-hour day is one day, reached at the same wall-clock time', () => {
    const start = '2026-10-31T12:00:00-04:00';
    // 24 hours have passed (an hour before noon), but the calendar day has not come round yet.
    const { reached } = milestonesOf(at(start), at('2026-11-01T11:00:00-05:00'), zone);
    expect(reached.map((m) => m.key)).toEqual(['24_hours']);
    expect(runLength(at(start), at('2026-11-01T11:00:00-05:00'), zone).days).toBe(0);
    expect(runLength(at(start), at('2026-11-01T12:00:00-05:00'), zone).days).toBe(1);
    expect(milestoneIso(start, zone, '30_days')).toBe('2026-11-30T12:00:00.000-05:00');
  });

  it('a wall-clock time that does not exist on the day moves forward an hour (02:30 on the spring-forward day)', () => {
    const start = '2026-03-01T02:30:00-05:00';
    expect(milestoneIso(start, zone, '7_days')).toBe('2026-03-08T03:30:00.000-04:00');
    expect(runLength(at(start), at('2026-03-08T03:29:00-04:00'), zone).days).toBe(6);
    expect(runLength(at(start), at('2026-03-08T03:30:00-04:00'), zone).days).toBe(7);
    // The next day the wall-clock time exists again.
    expect(runLength(at(start), at('2026-03-09T02:30:00-04:00'), zone).days).toBe(8);
  });

  it('counts 90 days across both changes of a year without drifting an hour', () => {
    const start = '2026-02-20T08:00:00-05:00';
    expect(milestoneIso(start, zone, '90_days')).toBe('2026-05-21T08:00:00.000-04:00');
    expect(runLength(at(start), at('2026-12-01T08:00:00-05:00'), zone).days).toBe(284);
  });
});

describe('EU daylight saving (Europe/Berlin)', () => {
  const zone = 'Europe/Berlin';

  it('spring forward on the last Sunday of March', () => {
    const start = '2026-03-28T09:00:00+01:00';
    expect(runLength(at(start), at('2026-03-29T09:00:00+02:00'), zone)).toEqual({ days: 1, remainderMs: 0 });
    expect(milestoneIso(start, zone, '24_hours')).toBe('2026-03-29T10:00:00.000+02:00');
    expect(milestoneIso('2026-03-01T09:00:00+01:00', zone, '30_days')).toBe('2026-03-31T09:00:00.000+02:00');
  });

  it('fall back on the last Sunday of October', () => {
    const start = '2026-10-24T22:00:00+02:00';
    expect(runLength(at(start), at('2026-10-25T21:59:00+01:00'), zone).days).toBe(0);
    expect(runLength(at(start), at('2026-10-25T22:00:00+01:00'), zone).days).toBe(1);
    expect(milestoneIso(start, zone, '6_months')).toBe('2027-04-24T22:00:00.000+02:00');
  });

  it('the same instant counts days in the member’s zone, not the server’s or UTC', () => {
    // 23:30 in Berlin is still the previous day in New York and the next in Auckland, but a run is a run.
    const start = at('2026-06-10T21:30:00Z');
    const end = at('2026-06-17T21:30:00Z');
    for (const zoneName of ['Europe/Berlin', 'America/New_York', 'Pacific/Auckland', 'UTC']) {
      expect(runLength(start, end, zoneName).days).toBe(7);
    }
  });
});

describe('leap days', () => {
  const zone = 'America/Chicago';
  const start = '2024-02-29T10:00:00-06:00';

  it('a start on 29 February reaches 1 year on 28 February of a common year', () => {
    expect(milestoneIso(start, zone, '1_year')).toBe('2025-02-28T10:00:00.000-06:00');
    expect(runLength(at(start), at('2025-02-28T09:59:00-06:00'), zone).days).toBe(364);
    expect(runLength(at(start), at('2025-02-28T10:00:00-06:00'), zone).days).toBe(365);
    expect(milestoneIso(start, zone, '2_years')).toBe('2026-02-28T10:00:00.000-06:00');
  });

  it('computes each year from the start, so the fourth anniversary is back on 29 February', () => {
    expect(milestoneIso(start, zone, '4_years')).toBe('2028-02-29T10:00:00.000-06:00');
    expect(milestoneIso(start, zone, '18_months')).toBe('2025-08-29T10:00:00.000-05:00');
    expect(milestoneIso(start, zone, '6_months')).toBe('2024-08-29T10:00:00.000-05:00');
  });

  it('month milestones clamp to the end of a shorter month and land on a leap day when there is one', () => {
    const august = '2023-08-31T10:00:00-05:00';
    expect(milestoneIso(august, zone, '6_months')).toBe('2024-02-29T10:00:00.000-06:00');
    expect(milestoneIso(august, zone, '9_months')).toBe('2024-05-31T10:00:00.000-05:00');
    expect(milestoneIso('2024-08-31T10:00:00-05:00', zone, '6_months')).toBe('2025-02-28T10:00:00.000-06:00');
  });

  it('counts the leap day as a day', () => {
    expect(milestoneIso('2024-02-01T10:00:00-06:00', zone, '30_days')).toBe('2024-03-02T10:00:00.000-06:00');
    expect(milestoneIso('2025-02-01T10:00:00-06:00', zone, '30_days')).toBe('2025-03-03T10:00:00.000-06:00');
    expect(runLength(at('2024-01-01T00:00:00-06:00'), at('2025-01-01T00:00:00-06:00'), zone).days).toBe(366);
  });
});

describe('a start at 23:30 local (America/Chicago, already the next day in UTC)', () => {
  const zone = 'America/Chicago';
  const start = '2026-01-09T23:30:00-06:00';

  it('is not a day old at midnight, 40 minutes later', () => {
    const { reached, next } = milestonesOf(at(start), at('2026-01-10T00:10:00-06:00'), zone);
    expect(reached).toEqual([]);
    expect(next.key).toBe('24_hours');
    expect(runLength(at(start), at('2026-01-10T00:10:00-06:00'), zone).days).toBe(0);
  });

  it('reaches its milestones on the local dates, not the UTC ones', () => {
    const seven = zoned(milestoneIso(start, zone, '7_days'), zone);
    expect(seven.toISODate()).toBe('2026-01-16');
    expect(seven.toUTC().toISODate()).toBe('2026-01-17');
    expect(milestoneIso(start, zone, '1_year')).toBe('2027-01-09T23:30:00.000-06:00');
  });

  it('counts the whole day at 23:30 the next evening', () => {
    expect(runLength(at(start), at('2026-01-10T23:29:59-06:00'), zone).days).toBe(0);
    expect(runLength(at(start), at('2026-01-10T23:30:00-06:00'), zone).days).toBe(1);
  });
});

describe('a member in Pacific/Auckland', () => {
  const zone = 'Pacific/Auckland';

  it('New Zealand summer time ends in April: a 25-hour day counts once', () => {
    const start = '2026-04-04T08:00:00+13:00';
    expect(runLength(at(start), at('2026-04-05T07:59:00+12:00'), zone).days).toBe(0);
    expect(runLength(at(start), at('2026-04-05T08:00:00+12:00'), zone).days).toBe(1);
    expect(milestoneIso(start, zone, '6_months')).toBe('2026-10-04T08:00:00.000+13:00');
  });

  it('summer time starts in September: a 23-hour day counts once', () => {
    const start = '2026-09-26T20:00:00+12:00';
    expect(runLength(at(start), at('2026-09-27T20:00:00+13:00'), zone)).toEqual({ days: 1, remainderMs: 0 });
    expect(milestoneIso(start, zone, '24_hours')).toBe('2026-09-27T21:00:00.000+13:00');
  });

  it('a New Year’s morning start (still 31 December in UTC) has its anniversary on 1 January', () => {
    const start = '2026-01-01T06:00:00+13:00';
    const year = zoned(milestoneIso(start, zone, '1_year'), zone);
    expect(year.toISODate()).toBe('2027-01-01');
    expect(year.toUTC().toISO()).toBe('2026-12-31T17:00:00.000Z');
  });
});

describe('clockTotals', () => {
  const zone = 'UTC';
  const run = (from: string, days: number, hours: number) => {
    const startedAt = at(from);
    return { startedAt, endedAt: DateTime.fromJSDate(startedAt).plus({ days, hours }).toJSDate() };
  };

  it('adds whole days of every run, and the leftover hours across runs', () => {
    const runs = [run('2025-01-01T00:00:00Z', 10, 20), run('2025-02-01T00:00:00Z', 5, 6), run('2025-03-01T00:00:00Z', 0, 3)];
    // 10 + 5 whole days, and 20 + 6 + 3 = 29 hours make one more.
    expect(clockTotals(runs, zone)).toEqual({ totalDays: 16, longestRunDays: 10 });
  });

  it('is zero for a clock that just started, and ignores a run that ends before it starts', () => {
    expect(clockTotals([{ startedAt: at('2026-01-01T00:00:00Z'), endedAt: at('2026-01-01T00:00:00Z') }], zone)).toEqual({
      totalDays: 0,
      longestRunDays: 0,
    });
    expect(runLength(at('2026-01-02T00:00:00Z'), at('2026-01-01T00:00:00Z'), zone)).toEqual({ days: 0, remainderMs: 0 });
    expect(clockTotals([], zone)).toEqual({ totalDays: 0, longestRunDays: 0 });
  });

  it('leftover time is measured in real hours', () => {
    expect(runLength(at('2026-01-01T00:00:00Z'), at('2026-01-03T05:00:00Z'), zone)).toEqual({ days: 2, remainderMs: 5 * HOUR });
  });
});
