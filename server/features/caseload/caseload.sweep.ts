import { eq, inArray } from 'drizzle-orm';
import type { RiskRule } from '../../../shared/contracts/caseload.ts';
import type { AppContext } from '../../context.ts';
import { users } from '../../db/schema/auth.ts';
import { riskAlerts } from '../../db/schema/caseload.ts';
import { profiles } from '../../db/schema/profile.ts';
import { messageLanguage, notifyOnce } from '../notifications/notifications.public.ts';
import { alertMessages } from '../sos/sos.public.ts';
import { gatherFacts } from './caseload.record.ts';
import { openRelationships } from './caseload.sql.ts';

/**
 * The risk-alert job. For every open relationship (active or paused) it evaluates the rules the
 * client's grant lets the coach see, and raises each flag at most once per client, coach, rule and
 * local day (the client's day): the INSERT into risk_alerts … ON CONFLICT DO NOTHING decides in the
 * database which sweep is the one that alerts, so a retried or concurrent sweep alerts nobody twice.
 * Only for rows actually inserted: an in-app notification (under a dedupe key of its own) and a
 * neutral email to the coach. As with reminders, the email is at most once.
 */
export async function runRiskSweep({
  ctx,
  now = new Date(),
}: {
  ctx: Pick<AppContext, 'db' | 'mailer' | 'config'>;
  now?: Date;
}): Promise<{ alerts: number; emailed: number }> {
  const db = ctx.db;
  const rels = await openRelationships(db, 'all', now, ['active', 'paused']);
  const evaluable = rels.filter((r) => r.grants.size > 0);
  if (evaluable.length === 0) return { alerts: 0, emailed: 0 };
  const clients = await gatherFacts(db, evaluable, now, { clocks: false });

  const wanted = clients.flatMap((c) =>
    (c.flags ?? []).map((flag) => ({
      memberId: c.rel.memberId,
      coachId: c.rel.coachId,
      rule: flag.rule,
      localDate: c.today,
      alias: c.rel.alias,
    })),
  );
  if (wanted.length === 0) return { alerts: 0, emailed: 0 };

  const inserted = await db
    .insert(riskAlerts)
    .values(wanted.map(({ memberId, coachId, rule, localDate }) => ({ memberId, coachId, rule, localDate })))
    .onConflictDoNothing()
    .returning({ memberId: riskAlerts.memberId, coachId: riskAlerts.coachId, rule: riskAlerts.rule, localDate: riskAlerts.localDate });
  if (inserted.length === 0) return { alerts: 0, emailed: 0 };

  const coachIds = [...new Set(inserted.map((a) => a.coachId))];
  const coaches = new Map(
    (
      await db
        .select({ id: users.id, email: users.email, status: users.status, languages: profiles.languages })
        .from(users)
        .innerJoin(profiles, eq(profiles.userId, users.id))
        .where(inArray(users.id, coachIds))
    ).map((c) => [c.id, c]),
  );
  const aliasOf = new Map(wanted.map((w) => [w.memberId, w.alias]));

  let emailed = 0;
  const emailedToday = new Set<string>();
  for (const alert of inserted) {
    const coach = coaches.get(alert.coachId);
    if (coach?.status !== 'active') continue;
    const words = alertMessages(messageLanguage(coach.languages));
    const isNew = await notifyOnce(db, {
      userId: coach.id,
      kind: 'risk',
      ...words.risk(aliasOf.get(alert.memberId) ?? '', alert.rule as RiskRule),
      link: '/caseload',
      dedupeKey: `risk:${alert.coachId}:${alert.memberId}:${alert.rule}:${alert.localDate}`,
    });
    // One email per coach per sweep is enough to bring them to the caseload, however many flags.
    if (!isNew || emailedToday.has(coach.id)) continue;
    emailedToday.add(coach.id);
    await ctx.mailer.send(db, { to: coach.email, ...words.riskEmail(`${ctx.config.publicUrl}/caseload`) });
    emailed += 1;
  }
  return { alerts: inserted.length, emailed };
}
