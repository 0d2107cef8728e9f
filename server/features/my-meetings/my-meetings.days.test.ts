import { describe, expect, it } from 'vitest';
import { meetsOn } from './my-meetings.days.ts';

describe('meetsOn', () => {
  it('a Friday meeting meets on Fridays only', () => {
    const friday = { day: 5, time: '19:00', endTime: '20:00' };
    expect(meetsOn(friday, '2026-12-04')).toBe(true); // a Friday
    expect(meetsOn(friday, '2026-12-06')).toBe(false); // a Sunday
    expect(meetsOn(friday, '2026-12-05')).toBe(false);
  });
  it('a meeting past midnight also counts on the next day', () => {
    const late = { day: 5, time: '23:30', endTime: '00:30' };
    expect(meetsOn(late, '2026-12-05')).toBe(true);
    expect(meetsOn(late, '2026-12-06')).toBe(false);
    const saturday = { day: 6, time: '23:00', endTime: '01:00' };
    expect(meetsOn(saturday, '2026-12-06')).toBe(true); // Saturday night into Sunday
  });
  it('a meeting by appointment has no weekly day', () => {
    expect(meetsOn({ day: null, time: null, endTime: null }, '2026-12-06')).toBe(true);
  });
});
