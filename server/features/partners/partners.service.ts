import { and, desc, eq, or, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Scope } from '../../../shared/contracts/consent.ts';
import { type InvitePartner, PARTNER_LIMITS, type Partnership, type PartnershipList } from '../../../shared/contracts/partners.ts';
import type { Db, Tx } from '../../db/client.ts';
import { users } from '../../db/schema/auth.ts';
import { partnerships } from '../../db/schema/partners.ts';
import { profiles } from '../../db/schema/profile.ts';
import { badRequest, conflict, notFound, rateLimited } from '../../lib/app-error.ts';
import { isoOrNull } from '../../lib/dates.ts';
import { isUniqueViolation } from '../../lib/db-errors.ts';
import { onlyRow } from '../../lib/rows.ts';
import type { Actor, Own } from '../../plugins/session.ts';
import { grantConsent, revokeConsent } from '../consent/consent.public.ts';
import { notify } from '../messages/messages.public.ts';

/**
 * Accountability partners. A partnership is `invited` until the invitee answers; accepting makes it
 * `active` and creates both consent grants in the same transaction (each side's own scopes, purpose
 * "Accountability partner"); ending revokes both in one transaction, so the very next shared read is a
 * 404 for both. Reads go through the existing shared-read endpoints and the consent core.
 */

export const PARTNER_PURPOSE = 'Accountability partner';
const UNKNOWN = 'deleted account';
type Row = typeof partnerships.$inferSelect;

function present(row: Row, me: string, partnerAlias: string | null): Partnership {
  const invitedByMe = row.inviterId === me;
  return {
    id: row.id,
    status: row.status,
    invitedByMe,
    partner: { id: invitedByMe ? row.inviteeId : row.inviterId, alias: partnerAlias ?? UNKNOWN },
    myScopes: invitedByMe ? row.inviterScopes : (row.inviteeScopes ?? null),
    theirScopes: invitedByMe ? (row.inviteeScopes ?? null) : row.inviterScopes,
    createdAt: row.createdAt.toISOString(),
    respondedAt: isoOrNull(row.respondedAt),
    endedAt: isoOrNull(row.endedAt),
  };
}

async function loadPresented(db: Db, me: string, id: string): Promise<Partnership> {
  const [found] = await db
    .select({ row: partnerships, alias: profiles.alias })
    .from(partnerships)
    .leftJoin(
      profiles,
      eq(
        profiles.userId,
        sql`CASE WHEN ${partnerships.inviterId} = ${me} THEN ${partnerships.inviteeId} ELSE ${partnerships.inviterId} END`,
      ),
    )
    .where(and(eq(partnerships.id, id), or(eq(partnerships.inviterId, me), eq(partnerships.inviteeId, me))));
  if (!found) throw notFound();
  return present(found.row, me, found.alias);
}

export async function listPartnerships({ db, actor }: Own): Promise<PartnershipList> {
  const me = actor.userId;
  const rows = await db
    .select({ row: partnerships, alias: profiles.alias })
    .from(partnerships)
    .leftJoin(
      profiles,
      eq(
        profiles.userId,
        sql`CASE WHEN ${partnerships.inviterId} = ${me} THEN ${partnerships.inviteeId} ELSE ${partnerships.inviterId} END`,
      ),
    )
    .where(or(eq(partnerships.inviterId, me), eq(partnerships.inviteeId, me)))
    .orderBy(desc(partnerships.createdAt))
    .limit(200);
  const list: PartnershipList = { invitedByMe: [], invitationsToMe: [], active: [], ended: [] };
  for (const { row, alias } of rows) {
    const item = present(row, me, alias);
    if (row.status === 'active') list.active.push(item);
    else if (row.status === 'invited') (item.invitedByMe ? list.invitedByMe : list.invitationsToMe).push(item);
    else list.ended.push(item);
  }
  return list;
}

/** The invitee: an active member other than me, by id or alias. Anyone else is "not found" (members only). */
async function findInvitee(db: Db, actor: Actor, input: InvitePartner): Promise<{ id: string; alias: string }> {
  const [row] = await db
    .select({ id: users.id, alias: profiles.alias })
    .from(users)
    .innerJoin(profiles, eq(profiles.userId, users.id))
    .where(
      and(
        input.inviteeId ? eq(users.id, input.inviteeId) : eq(sql`lower(${profiles.alias})`, (input.inviteeAlias ?? '').toLowerCase()),
        eq(users.status, 'active'),
        sql`'member' = ANY(${users.roles})`,
      ),
    )
    .limit(1);
  const path = input.inviteeId ? 'body.inviteeId' : 'body.inviteeAlias';
  if (!row) throw notFound('No member with that alias', [{ path, message: 'No member found' }]);
  if (row.id === actor.userId) throw badRequest('Choose someone other than yourself', [{ path, message: 'That is you' }]);
  return row;
}

export async function invitePartner({ db, actor, input }: Own & { input: InvitePartner }) {
  const invitee = await findInvitee(db, actor, input);
  let id: string;
  try {
    id = await db.transaction(async (tx) => {
      const row = onlyRow(
        await tx
          .insert(partnerships)
          .values({ inviterId: actor.userId, inviteeId: invitee.id, status: 'invited', inviterScopes: input.scopes })
          .returning({ id: partnerships.id }),
      );
      await notify(tx, {
        userId: invitee.id,
        notice: 'invite',
        alias: actor.alias,
        link: '/partners',
        dedupeKey: `partner-invite:${row.id}`,
        extra: input.message || undefined,
      });
      return row.id;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'partnerships_one_open_per_pair')) {
      throw conflict('You two already have an open invitation or partnership');
    }
    throw error;
  }
  return loadPresented(db, actor.userId, id);
}

/** Locks my partnership row in `tx`; 404 unless I am on it (in `side`, when given). */
async function lockMine(tx: Db, actor: Actor, id: string, side?: 'inviter' | 'invitee'): Promise<Row> {
  const mine =
    side === 'inviter'
      ? eq(partnerships.inviterId, actor.userId)
      : side === 'invitee'
        ? eq(partnerships.inviteeId, actor.userId)
        : or(eq(partnerships.inviterId, actor.userId), eq(partnerships.inviteeId, actor.userId));
  const [row] = await tx
    .select()
    .from(partnerships)
    .where(and(eq(partnerships.id, id), mine))
    .for('update');
  if (!row) throw notFound();
  return row;
}

function requireStatus(row: Row, status: Row['status']) {
  if (row.status !== status) {
    throw conflict(status === 'invited' ? 'This invitation has already been answered' : 'This partnership is not active');
  }
}

export async function acceptPartner({ db, actor, id, scopes }: Own & { id: string; scopes: Scope[] }) {
  await db.transaction(async (tx) => {
    const row = await lockMine(tx, actor, id, 'invitee');
    requireStatus(row, 'invited');
    const [inviter] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, row.inviterId), eq(users.status, 'active')));
    if (!inviter) throw notFound();
    // Each grant is the consent of its grantor: the inviter's given with the invitation, the invitee's now.
    const grant = (grantorId: string, granteeId: string, grantScopes: Scope[]) =>
      grantConsent(tx, {
        grantorId,
        granteeId,
        scopes: grantScopes,
        purpose: PARTNER_PURPOSE,
        actorId: grantorId,
        detail: { partnershipId: id },
      });
    const inviterGrantId = await grant(row.inviterId, row.inviteeId, row.inviterScopes);
    const inviteeGrantId = await grant(row.inviteeId, row.inviterId, scopes);
    await tx
      .update(partnerships)
      .set({ status: 'active', inviteeScopes: scopes, inviterGrantId, inviteeGrantId, respondedAt: sql`now()` })
      .where(eq(partnerships.id, id));
    await notify(tx, {
      userId: row.inviterId,
      notice: 'accepted',
      alias: actor.alias,
      link: '/partners',
      dedupeKey: `partner-accepted:${id}`,
    });
  });
  return loadPresented(db, actor.userId, id);
}

export async function declinePartner({ db, actor, id }: Own & { id: string }) {
  await db.transaction(async (tx) => {
    requireStatus(await lockMine(tx, actor, id, 'invitee'), 'invited');
    await tx.update(partnerships).set({ status: 'declined', respondedAt: sql`now()` }).where(eq(partnerships.id, id));
  });
  return loadPresented(db, actor.userId, id);
}

export async function cancelPartner({ db, actor, id }: Own & { id: string }) {
  await db.transaction(async (tx) => {
    requireStatus(await lockMine(tx, actor, id, 'inviter'), 'invited');
    await tx.update(partnerships).set({ status: 'cancelled', endedAt: sql`now()`, endedBy: actor.userId }).where(eq(partnerships.id, id));
  });
  return loadPresented(db, actor.userId, id);
}

/** Ends an active partnership and revokes both grants, in one transaction: both lose access at once. */
export async function endPartnershipRow(tx: Tx, row: Row, endedBy: string) {
  await revokeConsent(tx, { grantIds: [row.inviterGrantId, row.inviteeGrantId], actorId: endedBy, detail: { partnershipId: row.id } });
  await tx.update(partnerships).set({ status: 'ended', endedAt: sql`now()`, endedBy }).where(eq(partnerships.id, row.id));
}

export async function endPartner({ db, actor, id }: Own & { id: string }) {
  await db.transaction(async (tx) => {
    const row = await lockMine(tx, actor, id);
    requireStatus(row, 'active');
    await endPartnershipRow(tx, row, actor.userId);
  });
  return loadPresented(db, actor.userId, id);
}

/**
 * A "thinking of you" notification to the other partner: no content beyond who sent it, in-app only.
 * Each of the day's allowed nudges has its own dedupe key (sender's local day, 1…N), so the limit holds
 * in the database even when two nudges race.
 */
export async function nudgePartner({ db, actor, id }: Own & { id: string }) {
  const row = await lockMine(db, actor, id);
  requireStatus(row, 'active');
  const otherId = row.inviterId === actor.userId ? row.inviteeId : row.inviterId;
  const day = DateTime.now().setZone(actor.timezone).toISODate() ?? new Date().toISOString().slice(0, 10);
  for (let n = 1; n <= PARTNER_LIMITS.nudgesPerDay; n++) {
    const created = await notify(db, {
      userId: otherId,
      notice: 'nudge',
      alias: actor.alias,
      link: '/partners',
      dedupeKey: `partner-nudge:${id}:${actor.userId}:${day}:${n}`,
    });
    if (created) return { remainingToday: PARTNER_LIMITS.nudgesPerDay - n };
  }
  throw rateLimited(
    `You have sent ${PARTNER_LIMITS.nudgesPerDay} nudges today. Your partner knows you are thinking of them; try again tomorrow.`,
  );
}
