import { CASELOAD_LIMITS, RISK_RULES, RISK_THRESHOLDS, type RiskFlag, type RiskRule } from '../../../shared/contracts/caseload.ts';
import type { Scope } from '../../../shared/contracts/consent.ts';
import { addDays, daysBetween } from '../../lib/dates.ts';

/**
 * The risk rules of the caseload dashboard and the alert sweep, as pure functions of facts the
 * service gathered. Dates are local days (YYYY-MM-DD) in the client's own time zone. Each rule
 * reads one part of the client's record and is evaluated only when the client granted that part
 * to the coach (RULE_SCOPES): a rule whose scope was not granted is never run, so a flag can never
 * reveal something the client did not share.
 *
 * - no_checkin: no check-in today nor on either of the two days before… precisely: the last
 *   check-in is on today − 2 or earlier ("2+ days"), or there has never been one and the
 *   relationship started on today − 2 or earlier. Value: whole days since the last check-in (null
 *   when there was none).
 * - craving_high: only while the latest check-in is recent (today or yesterday). Either its craving
 *   is ≥ 8 (basis 'level', value the craving), or the average craving of the latest 3 check-ins is
 *   ≥ 3 above the average of the 3 check-ins before them, all six within the last 14 days (basis
 *   'rising', value the rise, one decimal).
 * - use_reported: a check-in of the last 7 local days (today − 6 … today) says used = 'yes'.
 *   Since: the latest such day.
 * - barc_drop: the latest BARC-10 total is ≥ 5 below the one before, and the latest was taken in
 *   the last 30 days (an old drop is not news). Value: the drop.
 * - sos: the client pressed SOS in the last 48 hours. Since: the instant of the latest press.
 */

/** Which scopes let a rule be evaluated (any one of them). */
export const RULE_SCOPES: Record<RiskRule, readonly Scope[]> = {
  no_checkin: ['checkins.summary', 'checkins.detail'],
  craving_high: ['checkins.detail'],
  use_reported: ['checkins.detail'],
  barc_drop: ['assessments'],
  sos: ['sos'],
};

/** The scopes the caseload reads at all (each one written to the access log when shown). */
export const CASELOAD_SCOPES: readonly Scope[] = ['checkins.summary', 'checkins.detail', 'clock', 'assessments', 'sos'];

export interface RecentCheckin {
  date: string;
  craving: number;
  used: 'no' | 'yes' | 'prefer_not_to_say';
}

export interface RiskFacts {
  /** Today in the client's zone. */
  today: string;
  now: Date;
  /** The local day the relationship started (or was proposed); null if unknown. */
  relationshipSince: string | null;
  lastCheckin: string | null;
  /** Check-ins of the last 14 local days, any order. */
  recent: readonly RecentCheckin[];
  /** The two latest BARC-10 totals, newest first, with when the latest was taken. */
  barc: { latest: number; latestOn: string; previous: number | null } | null;
  lastSos: Date | null;
}

export const TREND_DAYS = CASELOAD_LIMITS.trendDays;

function rulesFor(granted: ReadonlySet<Scope>): RiskRule[] {
  return RISK_RULES.filter((rule) => RULE_SCOPES[rule].some((scope) => granted.has(scope)));
}

const average = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/** The two 3-check-in averages of the craving trend: the latest three and the three before. */
export function cravingAverages(recent: readonly RecentCheckin[], today: string) {
  const from = addDays(today, -(TREND_DAYS - 1));
  const newestFirst = recent.filter((c) => c.date >= from && c.date <= today).sort((a, b) => (a.date < b.date ? 1 : -1));
  const latest = newestFirst.slice(0, 3).map((c) => c.craving);
  const before = newestFirst.slice(3, 6).map((c) => c.craving);
  return {
    newestFirst,
    recentAverage: latest.length === 3 ? oneDecimal(average(latest)) : null,
    previousAverage: before.length === 3 ? oneDecimal(average(before)) : null,
  };
}

function noCheckin(f: RiskFacts): RiskFlag | null {
  const limit = addDays(f.today, -RISK_THRESHOLDS.noCheckinDays);
  if (f.lastCheckin) {
    return f.lastCheckin <= limit
      ? { rule: 'no_checkin', since: f.lastCheckin, value: daysBetween(f.lastCheckin, f.today), basis: null }
      : null;
  }
  return f.relationshipSince && f.relationshipSince <= limit ? { rule: 'no_checkin', since: null, value: null, basis: null } : null;
}

function cravingHigh(f: RiskFacts): RiskFlag | null {
  const { newestFirst, recentAverage, previousAverage } = cravingAverages(f.recent, f.today);
  const latest = newestFirst[0];
  if (!latest || latest.date < addDays(f.today, -(RISK_THRESHOLDS.cravingRecentDays - 1))) return null;
  if (latest.craving >= RISK_THRESHOLDS.cravingLevel) {
    return { rule: 'craving_high', since: latest.date, value: latest.craving, basis: 'level' };
  }
  if (recentAverage !== null && previousAverage !== null) {
    // Compared on the exact averages, not the rounded ones shown.
    const [a, b, c, d, e, g] = newestFirst.map((x) => x.craving);
    const rise = ((a ?? 0) + (b ?? 0) + (c ?? 0) - (d ?? 0) - (e ?? 0) - (g ?? 0)) / 3;
    if (rise >= RISK_THRESHOLDS.cravingRise - 1e-9) {
      return { rule: 'craving_high', since: latest.date, value: oneDecimal(rise), basis: 'rising' };
    }
  }
  return null;
}

function useReported(f: RiskFacts): RiskFlag | null {
  const from = addDays(f.today, -(RISK_THRESHOLDS.useDays - 1));
  const days = f.recent.filter((c) => c.used === 'yes' && c.date >= from && c.date <= f.today).map((c) => c.date);
  if (days.length === 0) return null;
  return { rule: 'use_reported', since: days.sort().at(-1) as string, value: null, basis: null };
}

function barcDrop(f: RiskFacts): RiskFlag | null {
  if (!f.barc || f.barc.previous === null) return null;
  if (f.barc.latestOn < addDays(f.today, -(RISK_THRESHOLDS.barcRecentDays - 1))) return null;
  const drop = f.barc.previous - f.barc.latest;
  return drop >= RISK_THRESHOLDS.barcDrop ? { rule: 'barc_drop', since: f.barc.latestOn, value: drop, basis: null } : null;
}

function sos(f: RiskFacts): RiskFlag | null {
  if (!f.lastSos) return null;
  const age = f.now.getTime() - f.lastSos.getTime();
  return age >= -60_000 && age <= RISK_THRESHOLDS.sosHours * 3600_000
    ? { rule: 'sos', since: f.lastSos.toISOString(), value: null, basis: null }
    : null;
}

const EVALUATE: Record<RiskRule, (facts: RiskFacts) => RiskFlag | null> = {
  sos,
  use_reported: useReported,
  craving_high: cravingHigh,
  barc_drop: barcDrop,
  no_checkin: noCheckin,
};

/**
 * The flags of one client, most urgent first, evaluating only the rules whose scope was granted.
 * Null when the grant lets no rule be evaluated (the dashboard then says "not shared").
 */
export function evaluateRisk(facts: RiskFacts, granted: ReadonlySet<Scope>): RiskFlag[] | null {
  const rules = rulesFor(granted);
  if (rules.length === 0) return null;
  const flags: RiskFlag[] = [];
  for (const rule of rules) {
    const flag = EVALUATE[rule](facts);
    if (flag) flags.push(flag);
  }
  return flags;
}

/**
 * How soon a client needs attention, for sorting (higher first). Each rule is a power of two in
 * the order sos > use_reported > craving_high > barc_drop > no_checkin, so one more urgent flag
 * outweighs any number of less urgent ones; ties go to the longer silence (days since the last
 * check-in, up to 99, as a fraction), then the service sorts by alias.
 */
export function needScore(flags: readonly RiskFlag[] | null, daysSinceCheckin: number | null): number {
  let score = 0;
  for (const flag of flags ?? []) score += 2 ** (RISK_RULES.length - RISK_RULES.indexOf(flag.rule));
  const silence = daysSinceCheckin === null ? 0 : Math.min(Math.max(daysSinceCheckin, 0), 99);
  return score + silence / 100;
}
