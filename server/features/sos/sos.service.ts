import { and, desc, eq } from 'drizzle-orm';
import { DEFAULT_CRISIS_LINES } from '../../../shared/contracts/organization.ts';
import { SOS_LIMITS, type SosHistory, type SosRecipients, type SosResult } from '../../../shared/contracts/sos.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema/auth.ts';
import { consentGrants } from '../../db/schema/consent.ts';
import { profiles } from '../../db/schema/profile.ts';
import { sosEvents } from '../../db/schema/sos.ts';
import { onlyRow } from '../../lib/rows.ts';
import type { Actor } from '../../plugins/session.ts';
import { grantIsActive } from '../consent/consent.public.ts';
import { messageLanguage, notifyOnce } from '../notifications/notifications.public.ts';
import { alertMessages } from './sos.wording.ts';

type Ctx = Pick<AppContext, 'mailer' | 'config' | 'organization'>;

/**
 * The people a member chose to alert: everyone holding a grant in force of the member's `sos` scope
 * (the consent core's own condition, read from the grantor's side), if their account is active.
 */
async function sosRecipients(db: Db, memberId: string, at: Date) {
  return db
    .selectDistinctOn([consentGrants.granteeId], { id: consentGrants.granteeId, email: users.email, languages: profiles.languages })
    .from(consentGrants)
    .innerJoin(users, eq(users.id, consentGrants.granteeId))
    .innerJoin(profiles, eq(profiles.userId, consentGrants.granteeId))
    .where(and(eq(consentGrants.grantorId, memberId), grantIsActive('sos', at), eq(users.status, 'active')))
    .orderBy(consentGrants.granteeId);
}

/**
 * Records the press, alerts each chosen person once (in the app, then by a neutral email), and
 * answers with how many were alerted and where to turn right now.
 */
export async function pressSos({ db, ctx, actor, now = new Date() }: { db: Db; ctx: Ctx; actor: Actor; now?: Date }): Promise<SosResult> {
  const { event, recipients, notified } = await db.transaction(async (tx) => {
    const event = onlyRow(await tx.insert(sosEvents).values({ userId: actor.userId, createdAt: now }).returning());
    const recipients = await sosRecipients(tx, actor.userId, now);
    const notified: typeof recipients = [];
    for (const r of recipients) {
      const isNew = await notifyOnce(tx, {
        userId: r.id,
        kind: 'sos',
        ...alertMessages(messageLanguage(r.languages)).sos(actor.alias),
        link: `/people/${actor.userId}`,
        dedupeKey: `sos:${event.id}:${r.id}`,
        message: { key: 'sos', params: { alias: actor.alias } },
      });
      if (isNew) notified.push(r);
    }
    return { event, recipients, notified };
  });
  // The email follows the notice, and only a new one (a new press always is: its key names the press).
  for (const r of notified) {
    await ctx.mailer.send(db, {
      to: r.email,
      ...alertMessages(messageLanguage(r.languages)).sosEmail(`${ctx.config.publicUrl}/notifications`),
    });
  }
  const lines = (await ctx.organization())?.crisisLines ?? [];
  return {
    id: event.id,
    at: event.createdAt.toISOString(),
    alerted: recipients.length,
    crisisLines: lines.length > 0 ? lines : DEFAULT_CRISIS_LINES,
  };
}

/** How many people a press would alert now: the same recipients a press computes. */
export async function countSosRecipients({ db, actor, now = new Date() }: { db: Db; actor: Actor; now?: Date }): Promise<SosRecipients> {
  return { count: (await sosRecipients(db, actor.userId, now)).length };
}

export async function listOwnSos({ db, actor }: { db: Db; actor: Actor }): Promise<SosHistory> {
  const rows = await db
    .select({ id: sosEvents.id, at: sosEvents.createdAt })
    .from(sosEvents)
    .where(eq(sosEvents.userId, actor.userId))
    .orderBy(desc(sosEvents.createdAt))
    .limit(SOS_LIMITS.historyShown);
  return { presses: rows.map((r) => ({ id: r.id, at: r.at.toISOString() })) };
}
