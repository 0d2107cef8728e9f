import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { CoachingPreferences, WeeklySlot } from '../../../../shared/contracts/coaching-base.ts';
import type { MatchCoach, MatchMember, PairScore, ScoreComponent } from './matching.types.ts';
import { MAX_PAIR_POINTS, POINTS, scorePair } from './score.ts';
import { referenceWeek } from './weekly-times.ts';

/** A winter week: New York is UTC−5, London UTC+0, Los Angeles UTC−8. */
const WINTER = '2026-01-05';

function member(preferences: Partial<CoachingPreferences> = {}, extra: Partial<MatchMember> = {}): MatchMember {
  return {
    requestId: 'request-1',
    memberId: 'member-1',
    preferences: {
      gender: null,
      language: null,
      pathway: null,
      specialties: null,
      times: null,
      timezone: 'America/New_York',
      ...preferences,
    },
    waitingDays: 0,
    requestedCoachId: null,
    ...extra,
  };
}

function coach(extra: Partial<MatchCoach> = {}): MatchCoach {
  return {
    coachId: 'coach-1',
    freeSeats: 3,
    gender: 'woman',
    languages: ['en'],
    pathways: ['twelve_step'],
    specialties: ['opioids', 'alcohol'],
    timezone: 'America/New_York',
    availability: [],
    ...extra,
  };
}

const slot = (day: number, start: string, end: string): WeeklySlot => ({ day, start, end });
const score = (m: MatchMember, c: MatchCoach, referenceDate = WINTER) => scorePair(m, c, { referenceDate });

function feasible(result: PairScore) {
  if (!result.feasible) throw new Error(`expected a feasible pair, got unmet ${result.unmet.join(', ')}`);
  return result;
}
function component(result: PairScore, key: ScoreComponent['key']): ScoreComponent {
  const found = feasible(result).components.find((c) => c.key === key);
  if (!found) throw new Error(`no ${key} component`);
  return found;
}
/** Minutes of weekly overlap between a member's times and a coach's availability. */
function overlap(memberZone: string, memberSlots: WeeklySlot[], coachZone: string, coachSlots: WeeklySlot[], referenceDate = WINTER) {
  const m = member({ times: { value: memberSlots, required: false }, timezone: memberZone });
  const c = coach({ timezone: coachZone, availability: coachSlots });
  return component(score(m, c, referenceDate), 'times').detail.overlapMinutes;
}

describe('score components', () => {
  it('lists only what the member asked for, plus waiting, and totals the points', () => {
    const result = feasible(score(member({}, { waitingDays: 12 }), coach()));
    expect(result.components).toEqual([
      { key: 'waiting', required: false, points: 12, maxPoints: 30, detail: { days: 12, pointsPerDay: 1, capDays: 30 } },
    ]);
    expect(result.total).toBe(12);
  });

  it('caps waiting at 30 points and gives the same waiting points with every coach', () => {
    const m = member({}, { waitingDays: 45 });
    expect(component(score(m, coach()), 'waiting').points).toBe(30);
    expect(component(score(m, coach({ coachId: 'coach-2', gender: 'man' })), 'waiting').points).toBe(30);
    expect(component(score(member({}, { waitingDays: -3 }), coach()), 'waiting').points).toBe(0);
  });

  it('gender: 20 when the coach is one of the genders named, 0 otherwise (and for a coach who gave none)', () => {
    const m = member({ gender: { value: ['woman', 'non_binary'], required: false } });
    expect(component(score(m, coach({ gender: 'non_binary' })), 'gender')).toMatchObject({ points: 20, maxPoints: 20, required: false });
    expect(component(score(m, coach({ gender: 'man' })), 'gender')).toMatchObject({
      points: 0,
      detail: { offered: 'man', matched: false },
    });
    expect(component(score(m, coach({ gender: null })), 'gender').points).toBe(0);
  });

  it('language: 25 when the coach speaks one of them, comparing primary subtags (es-MX is es)', () => {
    const m = member({ language: { value: ['es-mx', 'fr'], required: false } });
    const spanish = component(score(m, coach({ languages: ['en', 'es'] })), 'language');
    expect(spanish).toMatchObject({ points: 25, maxPoints: 25, detail: { matched: ['es-mx'] } });
    expect(
      component(score(member({ language: { value: ['es'], required: true } }), coach({ languages: ['ES-US'] })), 'language').points,
    ).toBe(25);
    expect(component(score(m, coach({ languages: ['en'] })), 'language').points).toBe(0);
  });

  it('pathway: 20 when the coach knows at least one', () => {
    const m = member({ pathway: { value: ['smart_recovery', 'twelve_step'], required: false } });
    expect(component(score(m, coach()), 'pathway')).toMatchObject({ points: 20, detail: { matched: ['twelve_step'] } });
    expect(component(score(m, coach({ pathways: ['secular'] })), 'pathway').points).toBe(0);
  });

  it('specialties: 20 scaled by the share the coach covers, rounded down', () => {
    const m = member({ specialties: { value: ['opioids', 'alcohol', 'parents'], required: false } });
    expect(component(score(m, coach()), 'specialties')).toMatchObject({ points: 13, detail: { matched: ['opioids', 'alcohol'] } });
    expect(component(score(m, coach({ specialties: ['opioids', 'alcohol', 'parents', 'veterans'] })), 'specialties').points).toBe(20);
    expect(component(score(m, coach({ specialties: [] })), 'specialties').points).toBe(0);
  });

  it('times: 15 scaled by weekly overlap, full marks at 3 hours', () => {
    const m = member({ times: { value: [slot(2, '18:00', '20:00')], required: false } });
    expect(component(score(m, coach({ availability: [slot(2, '19:00', '22:00')] })), 'times')).toMatchObject({
      points: 5,
      maxPoints: 15,
      detail: { overlapMinutes: 60, requiredMinutes: 60, fullMarksMinutes: 180, weekOf: WINTER },
    });
    const long = member({ times: { value: [slot(1, '09:00', '17:00'), slot(3, '09:00', '17:00')], required: false } });
    const wide = component(score(long, coach({ availability: [slot(1, '08:00', '12:00'), slot(3, '10:00', '11:00')] })), 'times');
    expect(wide).toMatchObject({ points: 15, detail: { overlapMinutes: 240 } });
    expect(component(score(m, coach({ availability: [] })), 'times').points).toBe(0);
  });

  it('named coach: 40 for the coach asked for, 0 (but listed) for every other', () => {
    const m = member({}, { requestedCoachId: 'coach-7' });
    expect(component(score(m, coach({ coachId: 'coach-7' })), 'named_coach')).toMatchObject({ points: 40, detail: { thisCoach: true } });
    expect(component(score(m, coach()), 'named_coach')).toMatchObject({ points: 0, maxPoints: 40, detail: { thisCoach: false } });
    expect(feasible(score(member(), coach())).components.some((c) => c.key === 'named_coach')).toBe(false);
  });

  it('a perfect pair earns every maximum, and the table adds up to MAX_PAIR_POINTS', () => {
    const m = member(
      {
        gender: { value: ['woman'], required: true },
        language: { value: ['en'], required: true },
        pathway: { value: ['twelve_step'], required: true },
        specialties: { value: ['opioids'], required: true },
        times: { value: [slot(1, '18:00', '21:00')], required: true },
      },
      { waitingDays: 90, requestedCoachId: 'coach-1' },
    );
    const result = feasible(score(m, coach({ availability: [slot(1, '18:00', '21:00')] })));
    expect(result.total).toBe(MAX_PAIR_POINTS);
    expect(MAX_PAIR_POINTS).toBe(170);
    for (const c of result.components) expect(c.points).toBe(POINTS[c.key]);
  });

  it('scores a coach with no free seat like any other', () => {
    expect(feasible(score(member({}, { waitingDays: 4 }), coach({ freeSeats: 0 }))).total).toBe(4);
  });
});

describe('hard requirements', () => {
  it('gender: the coach must be one of the genders named (a coach who gave none is not)', () => {
    const m = member({ gender: { value: ['woman'], required: true } });
    expect(score(m, coach({ gender: 'man' }))).toEqual({ feasible: false, unmet: ['gender'] });
    expect(score(m, coach({ gender: null }))).toEqual({ feasible: false, unmet: ['gender'] });
    expect(component(score(m, coach()), 'gender').required).toBe(true);
  });

  it('language: the coach must speak at least one', () => {
    const m = member({ language: { value: ['es', 'vi'], required: true } });
    expect(score(m, coach({ languages: ['en', 'fr'] }))).toEqual({ feasible: false, unmet: ['language'] });
    expect(score(m, coach({ languages: ['vi-VN'] })).feasible).toBe(true);
  });

  it('pathway: the coach must know at least one', () => {
    const m = member({ pathway: { value: ['secular', 'smart_recovery'], required: true } });
    expect(score(m, coach())).toEqual({ feasible: false, unmet: ['pathway'] });
    expect(score(m, coach({ pathways: ['smart_recovery'] })).feasible).toBe(true);
  });

  it('specialties: the coach must have every one', () => {
    const m = member({ specialties: { value: ['opioids', 'parents'], required: true } });
    expect(score(m, coach())).toEqual({ feasible: false, unmet: ['specialties'] });
    expect(score(m, coach({ specialties: ['parents', 'opioids'] })).feasible).toBe(true);
  });

  it('times: at least 60 minutes of weekly overlap', () => {
    const m = member({ times: { value: [slot(4, '18:00', '20:00')], required: true } });
    expect(score(m, coach({ availability: [slot(4, '19:01', '21:00')] }))).toEqual({ feasible: false, unmet: ['times'] });
    expect(score(m, coach({ availability: [slot(4, '19:00', '21:00')] })).feasible).toBe(true);
    // Two half hours on different days add up to an hour a week.
    const split = member({ times: { value: [slot(1, '18:00', '18:30'), slot(2, '18:00', '18:30')], required: true } });
    expect(score(split, coach({ availability: [slot(1, '17:00', '19:00'), slot(2, '17:00', '19:00')] })).feasible).toBe(true);
  });

  it('lists every requirement the coach misses, in the usual order, and a missed wish costs nothing', () => {
    const m = member({
      gender: { value: ['man'], required: true },
      language: { value: ['en'], required: false },
      pathway: { value: ['secular'], required: false },
      specialties: { value: ['veterans'], required: true },
      times: { value: [slot(1, '08:00', '09:00')], required: true },
    });
    expect(score(m, coach())).toEqual({ feasible: false, unmet: ['gender', 'specialties', 'times'] });
    const wishes = member({ pathway: { value: ['secular'], required: false }, specialties: { value: ['veterans'], required: false } });
    const result = feasible(score(wishes, coach()));
    expect(result.total).toBe(0);
    for (const c of result.components) expect(c.points).toBeGreaterThanOrEqual(0);
  });
});

describe('times across zones', () => {
  it('Los Angeles Monday 18:00–20:00 meets New York Monday 21:00–23:00 for 120 minutes', () => {
    const la = [slot(1, '18:00', '20:00')];
    const ny = [slot(1, '21:00', '23:00')];
    expect(overlap('America/Los_Angeles', la, 'America/New_York', ny)).toBe(120);
    // Both sides move together in summer.
    expect(overlap('America/Los_Angeles', la, 'America/New_York', ny, '2026-07-08')).toBe(120);
  });

  it('London and New York change clocks on different dates: the reference week decides', () => {
    const london = [slot(1, '14:00', '16:00')];
    const ny = [slot(1, '09:00', '10:00')];
    expect(overlap('Europe/London', london, 'America/New_York', ny, WINTER)).toBe(60);
    // 9–29 March 2026: New York is already on summer time, London not yet, so 14:00 London is 10:00 New York.
    expect(overlap('Europe/London', london, 'America/New_York', ny, '2026-03-11')).toBe(0);
    expect(overlap('Europe/London', london, 'America/New_York', [slot(1, '10:00', '11:00')], '2026-03-11')).toBe(60);
  });

  it('handles windows that cross Sunday midnight in the other zone, either way round', () => {
    // Sunday 20:00–23:00 in Honolulu (UTC−10) is Monday 06:00–09:00 in London (UTC+0 in winter).
    const honolulu = [slot(7, '20:00', '23:00')];
    const london = [slot(1, '07:00', '08:30')];
    expect(overlap('Pacific/Honolulu', honolulu, 'Europe/London', london)).toBe(90);
    expect(overlap('Europe/London', london, 'Pacific/Honolulu', honolulu)).toBe(90);
    // Monday 01:00 in Auckland is Sunday in New York.
    expect(overlap('Pacific/Auckland', [slot(1, '01:00', '03:00')], 'America/New_York', [slot(7, '06:00', '08:00')])).toBe(60);
  });

  it('reads 24:00 as the end of the day', () => {
    expect(overlap('America/Chicago', [slot(7, '23:00', '24:00')], 'America/Chicago', [slot(7, '22:00', '24:00')])).toBe(60);
    expect(overlap('America/Chicago', [slot(7, '23:00', '24:00')], 'America/New_York', [slot(1, '00:00', '01:00')])).toBe(60);
  });

  it('counts real minutes on the day clocks spring forward, and overlapping slots once', () => {
    // Sunday 8 March 2026 in New York: 01:00 EST to 04:00 EDT is two hours.
    const ny = [slot(7, '01:00', '04:00')];
    expect(overlap('America/New_York', ny, 'UTC', [slot(7, '00:00', '24:00')], '2026-03-02')).toBe(120);
    expect(
      overlap('America/New_York', [slot(2, '10:00', '12:00'), slot(2, '11:00', '13:00')], 'America/New_York', [slot(2, '09:00', '18:00')]),
    ).toBe(180);
  });

  it('reads times in the coming week unless told which, and refuses a date that is not one', () => {
    const { monday } = referenceWeek();
    const days = DateTime.fromISO(monday, { zone: 'utc' }).diff(DateTime.utc().startOf('day'), 'days').days;
    expect(DateTime.fromISO(monday).weekday).toBe(1);
    expect(days).toBeGreaterThanOrEqual(0);
    expect(days).toBeLessThan(7);
    expect(referenceWeek('2026-01-08').monday).toBe('2026-01-05');
    expect(() => referenceWeek('next week')).toThrow(RangeError);
    const m = member({ times: { value: [slot(1, '18:00', '20:00')], required: true } });
    expect(scorePair(m, coach({ availability: [slot(1, '19:00', '20:00')] })).feasible).toBe(true);
  });
});
