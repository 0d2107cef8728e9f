import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Invite } from '../../../shared/contracts/invites.ts';
import type { Role } from '../../../shared/contracts/roles.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema/auth.ts';
import { invites } from '../../db/schema/invites.ts';
import { conflict, gone, notFound, setupRequired } from '../../lib/app-error.ts';
import { hashToken, newToken } from '../../lib/crypto.ts';
import type { Actor } from '../../plugins/session.ts';
import { recordAudit } from '../audit/audit.public.ts';
import { createAccount, type NewSession, startSession } from '../auth/auth.public.ts';

const INVITE_TTL_MS = 14 * 24 * 60 * 60_000;
const INVALID_LINK = 'This link is invalid, already used or expired; ask for a new one';

type InviteRow = typeof invites.$inferSelect;

function toInvite(row: InviteRow): Invite {
  const status = row.acceptedAt ? 'accepted' : row.revokedAt ? 'revoked' : row.expiresAt <= new Date() ? 'expired' : 'pending';
  return {
    id: row.id,
    email: row.email,
    roles: row.roles,
    status,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  };
}

/**
 * Open sign-up's emailed link: a member invite the person sends themselves. Its token is hashed
 * before it gets here, like every invite's.
 */
export async function createSignupLink(db: Db, link: { email: string; tokenHash: string; expiresAt: Date }) {
  await db.insert(invites).values({ kind: 'signup', roles: ['member'], ...link });
}

export async function createInvite({ ctx, actor, email, roles }: { ctx: AppContext; actor: Actor; email: string; roles: Role[] }) {
  const [existing] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  if (existing) {
    throw conflict('This person already has an account; change their roles on the people page', [
      { path: 'body.email', message: 'Already has an account' },
    ]);
  }
  const token = newToken();
  const org = await ctx.organization();
  const row = await ctx.db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(invites)
      .values({
        email,
        roles: [...new Set(roles)],
        tokenHash: hashToken(token),
        invitedBy: actor.userId,
        expiresAt: new Date(Date.now() + INVITE_TTL_MS),
      })
      .returning();
    if (!inserted) throw new Error('insert returned nothing');
    await recordAudit(tx, { event: 'invite.created', actorId: actor.userId, detail: { inviteId: inserted.id, roles: inserted.roles } });
    return inserted;
  });
  await ctx.mailer.send(ctx.db, {
    to: email,
    subject: `You're invited to ${org?.name ?? 'Kinship'}`,
    text:
      `${actor.alias} invited you to join ${org?.name ?? 'their organization'} on Kinship, a private space for ` +
      `recovery and the people who support it.\n\nTo accept, open this link within 14 days and choose a password ` +
      `and a community alias:\n${ctx.config.publicUrl}/accept-invite#token=${token}\n\n` +
      `If you were not expecting this, ignore this email.`,
  });
  return toInvite(row);
}

export async function listInvites({ ctx }: { ctx: AppContext }) {
  const rows = await ctx.db.select().from(invites).where(eq(invites.kind, 'invite')).orderBy(desc(invites.createdAt)).limit(500);
  return rows.map(toInvite);
}

export async function revokeInvite({ ctx, actor, id }: { ctx: AppContext; actor: Actor; id: string }) {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(invites)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(invites.id, id), eq(invites.kind, 'invite'), isNull(invites.acceptedAt), isNull(invites.revokedAt)))
      .returning();
    if (!row) throw notFound('No pending invitation with this id');
    await recordAudit(tx, { event: 'invite.revoked', actorId: actor.userId, detail: { inviteId: id } });
    return toInvite(row);
  });
}

async function findUsableInvite(ctx: AppContext, token: string) {
  const [row] = await ctx.db
    .select()
    .from(invites)
    .where(
      and(
        eq(invites.tokenHash, hashToken(token)),
        isNull(invites.acceptedAt),
        isNull(invites.revokedAt),
        gt(invites.expiresAt, new Date()),
      ),
    )
    .limit(1);
  if (!row) throw gone(INVALID_LINK);
  return row;
}

export async function previewInvite({ ctx, token }: { ctx: AppContext; token: string }) {
  const row = await findUsableInvite(ctx, token);
  const org = await ctx.organization();
  return { kind: row.kind, email: row.email, roles: row.roles, organizationName: org?.name ?? 'Kinship' };
}

/** Accepting creates the account, signs the person in and uses the link up, all or nothing. */
export async function acceptInvite(input: { ctx: AppContext; token: string; password: string; alias: string }) {
  const { ctx } = input;
  const org = await ctx.organization();
  if (!org) throw setupRequired('This Kinship is not set up yet');
  return ctx.db.transaction(async (tx): Promise<{ userId: string; session: NewSession }> => {
    // Claiming the row first means two tabs accepting the same link cannot both create an account.
    const [invite] = await tx
      .update(invites)
      .set({ acceptedAt: sql`now()` })
      .where(
        and(
          eq(invites.tokenHash, hashToken(input.token)),
          isNull(invites.acceptedAt),
          isNull(invites.revokedAt),
          gt(invites.expiresAt, new Date()),
        ),
      )
      .returning();
    if (!invite) throw gone(INVALID_LINK);
    const userId = await createAccount(tx, {
      email: invite.email,
      password: input.password,
      alias: input.alias,
      roles: invite.roles,
      timezone: org.timezone,
    });
    await tx.update(invites).set({ acceptedBy: userId }).where(eq(invites.id, invite.id));
    await recordAudit(tx, {
      event: 'invite.accepted',
      actorId: userId,
      subjectId: userId,
      detail: { inviteId: invite.id, kind: invite.kind },
    });
    return { userId, session: await startSession(tx, ctx, userId, 'active') };
  });
}
