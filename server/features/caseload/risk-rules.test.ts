import { describe, expect, it } from 'vitest';
import type { Scope } from '../../../shared/contracts/consent.ts';
import { runFromBits } from './caseload.sql.ts';
import { evaluateRisk, needScore, type RecentCheckin, type RiskFacts } from './risk-rules.ts';

const ALL = new Set<Scope>(['checkins.summary', 'checkins.detail', 'assessments', 'sos']);
const now = new Date('2026-03-10T15:00:00Z');
const facts = (overrides: Partial<RiskFacts> = {}): RiskFacts => ({
  today: '2026-03-10',
  now,
  relationshipSince: '2026-01-01',
  lastCheckin: '2026-03-10',
  recent: [],
  barc: null,
  lastSos: null,
  ...overrides,
});
const day = (date: string, craving: number, used: RecentCheckin['used'] = 'no'): RecentCheckin => ({ date, craving, used });
const rules = (f: RiskFacts, granted: Set<Scope> = ALL) => evaluateRisk(f, granted)?.map((flag) => flag.rule);

describe('no_checkin', () => {
  it('flags a last check-in on today − 2 or earlier, not on yesterday', () => {
    expect(rules(facts({ lastCheckin: '2026-03-09' }))).toEqual([]);
    expect(evaluateRisk(facts({ lastCheckin: '2026-03-08' }), ALL)).toEqual([
      { rule: 'no_checkin', since: '2026-03-08', value: 2, basis: null },
    ]);
  });
  it('flags never having checked in only once the relationship is 2 days old', () => {
    expect(rules(facts({ lastCheckin: null, relationshipSince: '2026-03-09' }))).toEqual([]);
    expect(rules(facts({ lastCheckin: null, relationshipSince: '2026-03-08' }))).toEqual(['no_checkin']);
  });
  it('is evaluated with checkins.detail alone too, and not without either check-in scope', () => {
    expect(rules(facts({ lastCheckin: '2026-03-01' }), new Set(['checkins.detail']))).toEqual(['no_checkin']);
    expect(evaluateRisk(facts({ lastCheckin: '2026-03-01' }), new Set(['clock']))).toBeNull();
    expect(rules(facts({ lastCheckin: '2026-03-01' }), new Set(['sos']))).toEqual([]);
  });
});

describe('craving_high', () => {
  it('flags a craving of 8 or more on a check-in of today or yesterday', () => {
    expect(evaluateRisk(facts({ recent: [day('2026-03-09', 8)] }), ALL)).toEqual([
      { rule: 'craving_high', since: '2026-03-09', value: 8, basis: 'level' },
    ]);
    expect(rules(facts({ recent: [day('2026-03-10', 7)] }))).toEqual([]);
    // Two days ago is no longer "now".
    expect(rules(facts({ lastCheckin: '2026-03-09', recent: [day('2026-03-08', 9)] }))).toEqual([]);
  });
  it('flags the last 3 check-ins averaging 3 or more above the 3 before', () => {
    const rising = [
      day('2026-03-10', 6),
      day('2026-03-09', 5),
      day('2026-03-08', 4),
      day('2026-03-06', 2),
      day('2026-03-05', 2),
      day('2026-03-04', 2),
    ];
    expect(evaluateRisk(facts({ recent: rising }), ALL)).toEqual([
      { rule: 'craving_high', since: '2026-03-10', value: 3, basis: 'rising' },
    ]);
    const almost = rising.map((c, i) => (i === 0 ? { ...c, craving: 5 } : c));
    expect(rules(facts({ recent: almost }))).toEqual([]);
    // Fewer than six check-ins: no comparison.
    expect(rules(facts({ recent: rising.slice(0, 5) }))).toEqual([]);
  });
  it('needs checkins.detail', () => {
    expect(rules(facts({ recent: [day('2026-03-10', 10)] }), new Set(['checkins.summary']))).toEqual([]);
  });
});

describe('use_reported', () => {
  it('flags use on any check-in of the last 7 local days', () => {
    expect(evaluateRisk(facts({ recent: [day('2026-03-04', 0, 'yes'), day('2026-03-10', 0)] }), ALL)).toEqual([
      { rule: 'use_reported', since: '2026-03-04', value: null, basis: null },
    ]);
    expect(rules(facts({ recent: [day('2026-03-03', 0, 'yes'), day('2026-03-10', 0)] }))).toEqual([]);
    expect(rules(facts({ recent: [day('2026-03-10', 0, 'prefer_not_to_say')] }))).toEqual([]);
  });
});

describe('barc_drop', () => {
  it('flags a recent total 5 or more below the one before', () => {
    expect(evaluateRisk(facts({ barc: { latest: 40, latestOn: '2026-03-01', previous: 45 } }), ALL)).toEqual([
      { rule: 'barc_drop', since: '2026-03-01', value: 5, basis: null },
    ]);
    expect(rules(facts({ barc: { latest: 41, latestOn: '2026-03-01', previous: 45 } }))).toEqual([]);
    expect(rules(facts({ barc: { latest: 30, latestOn: '2026-03-01', previous: null } }))).toEqual([]);
    expect(rules(facts({ barc: { latest: 30, latestOn: '2026-02-01', previous: 50 } }))).toEqual([]);
    expect(rules(facts({ barc: { latest: 30, latestOn: '2026-03-01', previous: 50 } }), new Set(['checkins.summary']))).toEqual([]);
  });
});

describe('sos', () => {
  it('flags an SOS in the last 48 hours, only with the sos scope', () => {
    const lastSos = new Date(now.getTime() - 47 * 3600_000);
    expect(evaluateRisk(facts({ lastSos }), ALL)).toEqual([{ rule: 'sos', since: lastSos.toISOString(), value: null, basis: null }]);
    expect(rules(facts({ lastSos: new Date(now.getTime() - 49 * 3600_000) }))).toEqual([]);
    expect(rules(facts({ lastSos }), new Set(['checkins.summary']))).toEqual([]);
  });
});

describe('needScore', () => {
  it('puts any more urgent flag above any number of less urgent ones, then the longer silence', () => {
    const flag = (rule: 'sos' | 'use_reported' | 'craving_high' | 'barc_drop' | 'no_checkin') => ({
      rule,
      since: null,
      value: null,
      basis: null,
    });
    expect(needScore([flag('sos')], 0)).toBeGreaterThan(
      needScore([flag('use_reported'), flag('craving_high'), flag('barc_drop'), flag('no_checkin')], 99),
    );
    expect(needScore([flag('use_reported')], 0)).toBeGreaterThan(needScore([flag('craving_high'), flag('barc_drop')], 20));
    expect(needScore([flag('no_checkin')], 9)).toBeGreaterThan(needScore([flag('no_checkin')], 3));
    expect(needScore([], 1)).toBeGreaterThan(needScore(null, null));
    expect(needScore([flag('no_checkin')], 0)).toBeGreaterThan(needScore([], 99));
  });
});

describe('runFromBits', () => {
  it('counts consecutive days from the last one across 32-day words, stopping at the first gap', () => {
    expect(runFromBits(new Map())).toBe(0);
    expect(runFromBits(new Map([[0, 0b1011]]))).toBe(2);
    expect(
      runFromBits(
        new Map([
          [0, -1],
          [1, 0b111],
        ]),
      ),
    ).toBe(35);
    expect(
      runFromBits(
        new Map([
          [0, -1],
          [2, -1],
        ]),
      ),
    ).toBe(32);
    expect(
      runFromBits(
        new Map([
          [0, -1],
          [1, -1],
          [2, -1],
        ]),
      ),
    ).toBe(96);
  });
});
