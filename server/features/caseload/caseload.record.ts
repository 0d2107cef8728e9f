import { CASELOAD_LIMITS, RISK_THRESHOLDS, type RiskFlag } from '../../../shared/contracts/caseload.ts';
import type { Scope } from '../../../shared/contracts/consent.ts';
import type { Db } from '../../db/client.ts';
import { addDays, daysBetween, todayIn } from '../../lib/dates.ts';
import { memberFacts, type OpenRelationship } from './caseload.sql.ts';
import { evaluateRisk, type RecentCheckin, type RiskFacts, TREND_DAYS } from './risk-rules.ts';

/**
 * Everything the dashboard and the risk sweep know of each client, gathered in one batched read per
 * part of the record, and only for the clients who granted that part. A part a client did not grant
 * is never read, so it cannot reach a flag or the screen.
 */
export interface ClientFacts {
  rel: OpenRelationship;
  granted: Set<Scope>;
  today: string;
  facts: RiskFacts;
  /** Only when `checkins.summary` is granted. */
  summary: { lastDate: string | null; daysSince: number | null; currentStreak: number; streakCapped: boolean } | null;
  /** Only when `checkins.detail` is granted. */
  recent: RecentCheckin[] | null;
  /** Only when `clock` is granted (and the client keeps one). */
  clock: { label: string; days: number } | null;
  flags: RiskFlag[] | null;
}

const holding = (rels: readonly OpenRelationship[], ...scopes: Scope[]) =>
  rels.filter((r) => scopes.some((s) => r.grants.has(s))).map((r) => r.memberId);

export async function gatherFacts(
  db: Db,
  rels: readonly OpenRelationship[],
  now: Date,
  options: { clocks: boolean },
): Promise<ClientFacts[]> {
  // Clients mostly share a few zones: each zone's today is worked out once.
  const todayByZone = new Map<string, string>();
  for (const rel of rels) if (!todayByZone.has(rel.timezone)) todayByZone.set(rel.timezone, todayIn(rel.timezone, now));
  const earliestToday = [...todayByZone.values()].sort()[0] ?? todayIn('UTC', now);
  const trendFrom = addDays(earliestToday, -(TREND_DAYS - 1));
  const sosAfter = new Date(now.getTime() - RISK_THRESHOLDS.sosHours * 3600_000);

  const facts = await memberFacts(db, {
    recency: holding(rels, 'checkins.summary', 'checkins.detail'),
    recent: holding(rels, 'checkins.detail'),
    recentFrom: trendFrom,
    clock: options.clocks ? holding(rels, 'clock') : [],
    barc: holding(rels, 'assessments'),
    sos: holding(rels, 'sos'),
    sosAfter,
    now,
  });

  return rels.map((rel) => {
    const granted = new Set(rel.grants.keys());
    const today = todayByZone.get(rel.timezone) as string;
    const known = facts.get(rel.memberId);
    const seesCheckins = granted.has('checkins.summary') || granted.has('checkins.detail');
    const run = seesCheckins && known?.last ? { last: known.last, runDays: known.runDays } : null;
    const ownRecent = granted.has('checkins.detail') ? (known?.recent ?? []) : null;
    const barc = granted.has('assessments') ? (known?.barcs ?? []) : [];
    const [latest, previous] = barc;
    const riskFacts: RiskFacts = {
      today,
      now,
      // Only asked when there has never been a check-in.
      relationshipSince: run ? null : todayIn(rel.timezone, rel.since),
      lastCheckin: run?.last ?? null,
      recent: ownRecent ?? [],
      barc: latest ? { latest: latest.total, latestOn: latest.takenOn, previous: previous?.total ?? null } : null,
      lastSos: granted.has('sos') ? (known?.lastSos ?? null) : null,
    };
    return {
      rel,
      granted,
      today,
      facts: riskFacts,
      summary: granted.has('checkins.summary') ? summaryOf(run, today) : null,
      recent: ownRecent,
      clock: options.clocks && granted.has('clock') ? (known?.clock ?? null) : null,
      flags: evaluateRisk(riskFacts, granted),
    };
  });
}

/**
 * The streak as checkins.days.ts currentStreak counts it (it lasts while the last day is today or
 * yesterday), shown up to CASELOAD_LIMITS.streakShownMax.
 */
function summaryOf(run: { last: string; runDays: number } | null, today: string): NonNullable<ClientFacts['summary']> {
  if (!run) return { lastDate: null, daysSince: null, currentStreak: 0, streakCapped: false };
  const daysSince = daysBetween(run.last, today);
  // A last day after today (the client moved west) counts up to today, as on the client's own screen.
  const streak = daysSince > 1 ? 0 : Math.max(run.runDays + Math.min(daysSince, 0), 0);
  const max = CASELOAD_LIMITS.streakShownMax;
  return { lastDate: run.last, daysSince, currentStreak: Math.min(streak, max), streakCapped: streak > max };
}
