import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { passwordResets, users } from '../../db/schema/auth.ts';
import { badRequest, forbidden, gone, setupRequired, unauthenticated } from '../../lib/app-error.ts';
import { hashIdentifier, hashToken, newToken } from '../../lib/crypto.ts';
import { hashPassword, verifyPassword } from '../../lib/passwords.ts';
import type { Actor } from '../../plugins/session.ts';
import { recordAudit } from '../audit/audit.public.ts';
import { createSignupLink } from '../invites/invites.public.ts';
import { verifySecondFactor } from '../mfa/mfa.public.ts';
import { type NewSession, revokeAllSessions, revokeSession, startSession } from './accounts.ts';
import { forgetSignInFailures, mfaSucceeded, reserveMfaAttempt, reserveSignIn, signInSucceeded } from './auth.throttle.ts';

const RESET_TTL_MS = 60 * 60_000;
const SIGNUP_TTL_MS = 24 * 60 * 60_000;
const WRONG_CREDENTIALS = 'Email or password is incorrect';

export type SignInResult = { status: 'signed_in' | 'mfa_required'; userId: string; session: NewSession };

export async function signIn({
  ctx,
  email,
  password,
  source,
  replacingTokenHash,
}: {
  ctx: AppContext;
  email: string;
  password: string;
  /** Where the attempt comes from (the client's IP): locks are per account and source. */
  source: string;
  /** The session this browser held before, if any: the browser drops its cookie, so the server must end it too. */
  replacingTokenHash?: string;
}): Promise<SignInResult> {
  const db = ctx.db;
  const normalized = email.trim().toLowerCase();
  const subjectHash = hashIdentifier(ctx.keys, normalized);
  const sourceHash = hashIdentifier(ctx.keys, `source:${source}`);
  await reserveSignIn(db, subjectHash, sourceHash);
  const [user] = await db.select().from(users).where(eq(users.email, normalized)).limit(1);
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);
  // A disabled account gets the same answer as a wrong password: nothing to learn by probing.
  if (!user || !passwordOk || user.status !== 'active') {
    await recordAudit(db, { event: 'signin.failure', subjectId: user?.id ?? null, subjectHash });
    throw unauthenticated(WRONG_CREDENTIALS);
  }
  await signInSucceeded(db, subjectHash, sourceHash);
  if (replacingTokenHash) await revokeSession(db, replacingTokenHash);
  if (user.totpEnabledAt) {
    return { status: 'mfa_required', userId: user.id, session: await startSession(db, ctx, user.id, 'pending_mfa') };
  }
  await recordAudit(db, { event: 'signin.success', actorId: user.id, subjectId: user.id, detail: { mfa: false } });
  return { status: 'signed_in', userId: user.id, session: await startSession(db, ctx, user.id, 'active') };
}

/** Second step of sign-in: the pending session is replaced by a new, full one. */
export async function completeMfa({ ctx, actor, code }: { ctx: AppContext; actor: Actor; code: string }): Promise<NewSession> {
  const db = ctx.db;
  const subjectHash = `user:${actor.userId}`;
  try {
    await reserveMfaAttempt(db, actor.userId);
  } catch (error) {
    await revokeSession(db, actor.session.tokenHash);
    throw error;
  }
  const method = await verifySecondFactor(ctx, actor.userId, code);
  if (!method) {
    await recordAudit(db, { event: 'signin.mfa_failure', subjectId: actor.userId, subjectHash });
    throw unauthenticated('That code is not right; try the newest code from your app');
  }
  await mfaSucceeded(db, actor.userId);
  return db.transaction(async (tx) => {
    await revokeSession(tx, actor.session.tokenHash);
    await recordAudit(tx, { event: 'signin.success', actorId: actor.userId, subjectId: actor.userId, detail: { mfa: true, method } });
    return startSession(tx, ctx, actor.userId, 'active');
  });
}

export async function signOut({ ctx, actor }: { ctx: AppContext; actor: Actor }): Promise<void> {
  await revokeSession(ctx.db, actor.session.tokenHash);
  await recordAudit(ctx.db, { event: 'signout', actorId: actor.userId, subjectId: actor.userId });
}

/** Always succeeds from the caller's point of view: whether the address has an account is never revealed. */
export async function requestPasswordReset({ ctx, email }: { ctx: AppContext; email: string }): Promise<void> {
  const db = ctx.db;
  const [user] = await db.select({ id: users.id, status: users.status }).from(users).where(eq(users.email, email)).limit(1);
  await recordAudit(db, { event: 'password.reset_requested', subjectId: user?.id ?? null, subjectHash: hashIdentifier(ctx.keys, email) });
  if (user?.status !== 'active') return;
  const token = newToken();
  await db.insert(passwordResets).values({ userId: user.id, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + RESET_TTL_MS) });
  await ctx.mailer.send(db, {
    to: email,
    subject: 'Reset your Kinship password',
    text:
      `Someone asked to reset the password of your Kinship account.\n\n` +
      `To choose a new password, open this link within an hour:\n${ctx.config.publicUrl}/reset-password#token=${token}\n\n` +
      `If it was not you, ignore this email: your password stays as it is.`,
  });
}

export async function completePasswordReset({ ctx, token, password }: { ctx: AppContext; token: string; password: string }) {
  const passwordHash = await hashPassword(password);
  await ctx.db.transaction(async (tx) => {
    const [reset] = await tx
      .update(passwordResets)
      .set({ usedAt: sql`now()` })
      .where(and(eq(passwordResets.tokenHash, hashToken(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, new Date())))
      .returning({ userId: passwordResets.userId });
    if (!reset) throw gone('This reset link is invalid, used or expired; ask for a new one');
    const [user] = await tx
      .update(users)
      .set({ passwordHash, updatedAt: sql`now()` })
      .where(eq(users.id, reset.userId))
      .returning({ email: users.email });
    if (user) await forgetSignInFailures(tx, hashIdentifier(ctx.keys, user.email));
    // Anyone who had the old password is signed out everywhere.
    await revokeAllSessions(tx, reset.userId);
    await recordAudit(tx, { event: 'password.reset', actorId: reset.userId, subjectId: reset.userId });
  });
}

export async function changePassword(input: { ctx: AppContext; actor: Actor; currentPassword: string; newPassword: string }) {
  const { ctx, actor } = input;
  const [user] = await ctx.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.userId));
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw badRequest('Your current password is not right', [{ path: 'body.currentPassword', message: 'Not your current password' }]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: sql`now()` }).where(eq(users.id, actor.userId));
    await revokeAllSessions(tx, actor.userId, actor.session.tokenHash);
    await recordAudit(tx, { event: 'password.changed', actorId: actor.userId, subjectId: actor.userId });
  });
}

/**
 * Open sign-up: email a link that proves the address is the person's, and make the account from it
 * (the same page as an invitation). An address that already has an account gets a different email,
 * and the caller sees the same answer either way.
 */
export async function requestSignUp({ ctx, email }: { ctx: AppContext; email: string }): Promise<void> {
  const db = ctx.db;
  const org = await ctx.organization();
  if (!org) throw setupRequired('This Kinship is not set up yet');
  if (!org.openSignup) throw forbidden('Sign-up is by invitation only here; ask the organization for an invite');
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  await recordAudit(db, { event: 'signup', subjectId: existing?.id ?? null, subjectHash: hashIdentifier(ctx.keys, email) });
  if (existing) {
    await ctx.mailer.send(db, {
      to: email,
      subject: `Your ${org.name} account on Kinship`,
      text:
        `Someone tried to create a Kinship account with this address, but you already have one.\n\n` +
        `Sign in at ${ctx.config.publicUrl}/sign-in, or reset your password at ${ctx.config.publicUrl}/forgot-password.`,
    });
    return;
  }
  const token = newToken();
  await createSignupLink(db, { email, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + SIGNUP_TTL_MS) });
  await ctx.mailer.send(db, {
    to: email,
    subject: `Finish joining ${org.name} on Kinship`,
    text:
      `Welcome. To finish creating your account, open this link within 24 hours and choose a password ` +
      `and a community alias:\n${ctx.config.publicUrl}/accept-invite#token=${token}\n\n` +
      `If you did not ask for this, ignore this email.`,
  });
}
