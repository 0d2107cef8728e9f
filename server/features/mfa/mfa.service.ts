import { randomInt } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { inRoleGroup } from '../../../shared/contracts/roles.ts';
import type { AppContext } from '../../context.ts';
import { users } from '../../db/schema/auth.ts';
import { badRequest, conflict, notFound } from '../../lib/app-error.ts';
import { decrypt, encrypt, hashToken } from '../../lib/crypto.ts';
import { verifyPassword } from '../../lib/passwords.ts';
import type { Actor } from '../../plugins/session.ts';
import { recordAudit } from '../audit/audit.public.ts';
import { setTwoFactor, spendRecoveryCode } from '../auth/auth.public.ts';

const RECOVERY_CODE_COUNT = 8;
// Accept the previous and next 30-second step: phone clocks drift.
const EPOCH_TOLERANCE_SECONDS = 30;
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

function newRecoveryCode(): string {
  const part = () => Array.from({ length: 4 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
  return `${part()}-${part()}`;
}

async function loadUser(ctx: AppContext, userId: string) {
  const [user] = await ctx.db.select().from(users).where(eq(users.id, userId));
  if (!user) throw notFound();
  return user;
}

/** Starts enrolment: a new secret is kept (encrypted) but not active until a code proves the app has it. */
export async function setupTotp({ ctx, actor }: { ctx: AppContext; actor: Actor }) {
  const user = await loadUser(ctx, actor.userId);
  if (user.totpEnabledAt) throw conflict('Two-factor sign-in is already on; turn it off first to change the app');
  const secret = generateSecret();
  await setTwoFactor(ctx.db, actor.userId, { totpSecretEnc: encrypt(ctx.keys, secret) });
  const org = await ctx.organization();
  const otpauthUri = generateURI({ issuer: org?.name ?? 'Kinship', label: actor.email, secret });
  const qrSvg = await QRCode.toString(otpauthUri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return { secret, otpauthUri, qrSvg };
}

async function checkTotp(ctx: AppContext, userId: string, secretEnc: string, lastStep: number | null, code: string) {
  const result = await verify({
    secret: decrypt(ctx.keys, secretEnc),
    token: code,
    epochTolerance: EPOCH_TOLERANCE_SECONDS,
    ...(lastStep === null ? {} : { afterTimeStep: lastStep }),
  });
  if (!result.valid) return false;
  await setTwoFactor(ctx.db, userId, { totpLastStep: 'timeStep' in result ? result.timeStep : null });
  return true;
}

export async function enableTotp({ ctx, actor, code }: { ctx: AppContext; actor: Actor; code: string }) {
  const user = await loadUser(ctx, actor.userId);
  if (user.totpEnabledAt) throw conflict('Two-factor sign-in is already on');
  if (!user.totpSecretEnc) throw conflict('Start the set-up first');
  if (!(await checkTotp(ctx, user.id, user.totpSecretEnc, user.totpLastStep, code))) {
    throw badRequest('That code is not right; check the time on your phone and try the newest code', [
      { path: 'body.code', message: 'Wrong code' },
    ]);
  }
  const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await ctx.db.transaction(async (tx) => {
    await setTwoFactor(tx, actor.userId, {
      totpEnabledAt: sql`now()`,
      recoveryCodeHashes: recoveryCodes.map(hashToken),
      updatedAt: sql`now()`,
    });
    await recordAudit(tx, { event: 'mfa.enabled', actorId: actor.userId, subjectId: actor.userId });
  });
  return { recoveryCodes };
}

export async function disableTotp({ ctx, actor, password }: { ctx: AppContext; actor: Actor; password: string }) {
  if ((await ctx.requireStaffMfa()) && inRoleGroup(actor.roles, 'staff')) {
    throw conflict('Your organization requires two-factor sign-in for your role');
  }
  const user = await loadUser(ctx, actor.userId);
  if (!(await verifyPassword(user.passwordHash, password))) {
    throw badRequest('Your password is not right', [{ path: 'body.password', message: 'Not your password' }]);
  }
  await ctx.db.transaction(async (tx) => {
    await setTwoFactor(tx, actor.userId, {
      totpEnabledAt: null,
      totpSecretEnc: null,
      totpLastStep: null,
      recoveryCodeHashes: [],
      updatedAt: sql`now()`,
    });
    await recordAudit(tx, { event: 'mfa.disabled', actorId: actor.userId, subjectId: actor.userId });
  });
}

/** Checks a six-digit code or a one-time recovery code; returns how the person proved it, or null. */
export async function verifySecondFactor(ctx: AppContext, userId: string, code: string): Promise<'totp' | 'recovery_code' | null> {
  const user = await loadUser(ctx, userId);
  if (!user.totpEnabledAt || !user.totpSecretEnc) return null;
  if (/^\d{6}$/.test(code)) return (await checkTotp(ctx, userId, user.totpSecretEnc, user.totpLastStep, code)) ? 'totp' : null;
  const codeHash = hashToken(code.toLowerCase());
  // One atomic statement, so two simultaneous uses of the same code cannot both succeed.
  if (!(await spendRecoveryCode(ctx.db, userId, codeHash))) return null;
  await recordAudit(ctx.db, { event: 'mfa.recovery_code_used', actorId: userId, subjectId: userId });
  return 'recovery_code';
}
