import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, iso, isoOrNull, localDateAt, todayIn, windowEndingOn } from './dates.ts';

const at = (instant: string) => new Date(instant);

describe('iso', () => {
  it('writes an instant in UTC, and null as null', () => {
    expect(iso(at('2024-03-10T07:30:00-04:00'))).toBe('2024-03-10T11:30:00.000Z');
    expect(isoOrNull(at('2024-03-10T11:30:00Z'))).toBe('2024-03-10T11:30:00.000Z');
    expect(isoOrNull(null)).toBeNull();
  });
});

describe('localDateAt', () => {
  it('is the local day of any instant, today or not', () => {
    expect(localDateAt('America/Los_Angeles', at('2026-06-02T05:00:00Z'))).toBe('2026-06-01');
    expect(localDateAt('Pacific/Auckland', at('2026-06-01T12:00:00Z'))).toBe('2026-06-02');
    expect(() => localDateAt('Mars/Olympus_Mons', at('2026-06-01T12:00:00Z'))).toThrow();
  });
});

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
