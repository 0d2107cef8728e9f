import { type Caseload, type CaseloadClient, RISK_RULES, RISK_THRESHOLDS, type RiskRulesInfo } from '../../../shared/contracts/caseload.ts';
import type { Db } from '../../db/client.ts';
import { addDays } from '../../lib/dates.ts';
import type { Actor } from '../../plugins/session.ts';
import { type AccessLogEntry, logAccesses } from '../consent/consent.public.ts';
import { type ClientFacts, gatherFacts } from './caseload.record.ts';
import { openRelationships } from './caseload.sql.ts';
import { CASELOAD_SCOPES, cravingAverages, needScore, RULE_SCOPES, TREND_DAYS } from './risk-rules.ts';

/** The coach's morning screen: every open relationship, most in need first. */
export async function getCaseload({ db, actor, now = new Date() }: { db: Db; actor: Actor; now?: Date }): Promise<Caseload> {
  const rels = await openRelationships(db, { coachId: actor.userId }, now, ['proposed', 'active', 'paused'], { records: true });
  const clients = await gatherFacts(db, rels, now, { clocks: true });

  // Every part of a record shown is logged, one row per client and scope, in one INSERT, by the
  // consent core's rule (a refresh within minutes through the same grant adds no row: decision 006).
  const logged: AccessLogEntry[] = clients.flatMap((c) =>
    CASELOAD_SCOPES.filter((scope) => c.granted.has(scope)).map((scope) => {
      const grant = c.rel.grants.get(scope) as { grantId: string; purpose: string };
      return { subjectId: c.rel.memberId, scope, access: { via: 'grant', grantId: grant.grantId, purpose: grant.purpose, until: null } };
    }),
  );
  await logAccesses(db, actor, logged, now);

  const windows = new Map<string, string[]>();
  const windowOf = (today: string) => {
    let days = windows.get(today);
    if (!days) {
      days = Array.from({ length: TREND_DAYS }, (_, i) => addDays(today, i - (TREND_DAYS - 1)));
      windows.set(today, days);
    }
    return days;
  };
  const presented = clients.map((c) => present(c, windowOf(c.today)));
  presented.sort((a, b) => b.need - a.need || a.alias.localeCompare(b.alias));
  return { clients: presented, generatedAt: now.toISOString() };
}

function present(c: ClientFacts, window: readonly string[]): CaseloadClient {
  const session = c.rel.nextSession;
  let cravingTrend: CaseloadClient['cravingTrend'] = null;
  if (c.recent) {
    const byDate = new Map(c.recent.map((r) => [r.date, r.craving]));
    const days = window.map((date) => ({ date, craving: byDate.get(date) ?? null }));
    const { recentAverage, previousAverage } = cravingAverages(c.recent, c.today);
    cravingTrend = { days, recentAverage, previousAverage };
  }
  return {
    relationshipId: c.rel.relationshipId,
    memberId: c.rel.memberId,
    status: c.rel.status,
    alias: c.rel.alias,
    nextSession: session ? { at: session.at.toISOString(), contactType: session.contactType } : null,
    openReferrals: c.rel.openReferrals,
    shared: CASELOAD_SCOPES.filter((scope) => c.granted.has(scope)),
    checkins: c.summary,
    cravingTrend,
    clock: c.clock,
    flags: c.flags,
    need: needScore(c.flags, c.summary?.daysSince ?? null),
  };
}

/** What each rule needs and the numbers it uses; the page words them. */
export function riskRules(): RiskRulesInfo {
  return { rules: RISK_RULES.map((rule) => ({ rule, scopes: [...RULE_SCOPES[rule]] })), thresholds: { ...RISK_THRESHOLDS } };
}
