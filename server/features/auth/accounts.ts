import { and, eq, isNull, ne, type SQL, sql } from 'drizzle-orm';
import type { Me } from '../../../shared/contracts/auth.ts';
import type { Role } from '../../../shared/contracts/roles.ts';
import type { AppContext } from '../../context.ts';
import type { Db, Tx } from '../../db/client.ts';
import { sessions, users } from '../../db/schema/auth.ts';
import { profiles } from '../../db/schema/profile.ts';
import { conflict, notFound } from '../../lib/app-error.ts';
import { hashToken, newToken } from '../../lib/crypto.ts';
import { isUniqueViolation } from '../../lib/db-errors.ts';
import { hashPassword } from '../../lib/passwords.ts';
import { requiresMfaSetup } from '../../plugins/session.ts';
import { createProfile } from '../profile/profile.public.ts';

export interface NewAccount {
  email: string;
  password: string;
  alias: string;
  roles: Role[];
  timezone: string;
}

/** Creates a person and their profile. Callers run it inside their transaction. */
export async function createAccount(db: Db, input: NewAccount): Promise<string> {
  const passwordHash = await hashPassword(input.password);
  try {
    const [user] = await db.insert(users).values({ email: input.email, passwordHash, roles: input.roles }).returning({ id: users.id });
    if (!user) throw new Error('insert returned nothing');
    await createProfile(db, { userId: user.id, alias: input.alias, timezone: input.timezone });
    return user.id;
  } catch (error) {
    if (isUniqueViolation(error, 'profiles_alias_unique')) {
      throw conflict('That alias is taken; choose another', [{ path: 'body.alias', message: 'Already in use' }]);
    }
    if (isUniqueViolation(error, 'users_email_unique')) {
      throw conflict('An account with this email already exists; sign in or reset your password instead');
    }
    throw error;
  }
}

export interface NewSession {
  token: string;
  maxAgeSeconds: number;
}

/** A fresh session (new token) every time someone signs in or finishes two-factor: never reuse one. */
export async function startSession(db: Db, ctx: AppContext, userId: string, state: 'active' | 'pending_mfa'): Promise<NewSession> {
  const token = newToken();
  // A half-signed-in session only lives long enough to type a code.
  const maxAgeSeconds = state === 'pending_mfa' ? 10 * 60 : ctx.config.sessionAbsoluteHours * 3600;
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    userId,
    csrfToken: newToken(),
    state,
    expiresAt: new Date(Date.now() + maxAgeSeconds * 1000),
  });
  return { token, maxAgeSeconds };
}

export async function loadMe(db: Db, ctx: AppContext, userId: string): Promise<Me> {
  const [row] = await db
    .select({ id: users.id, email: users.email, roles: users.roles, totpEnabledAt: users.totpEnabledAt, alias: profiles.alias })
    .from(users)
    .innerJoin(profiles, eq(profiles.userId, users.id))
    .where(eq(users.id, userId));
  if (!row) throw notFound();
  const mfaEnabled = row.totpEnabledAt !== null;
  return {
    id: row.id,
    email: row.email,
    alias: row.alias,
    roles: row.roles,
    mfaEnabled,
    mfaSetupRequired: requiresMfaSetup(row.roles, mfaEnabled, await ctx.requireStaffMfa()),
  };
}

/** The account row's two-factor columns, which the mfa feature sets through here (auth owns the row). */
type TwoFactorInsert = Pick<
  typeof users.$inferInsert,
  'totpSecretEnc' | 'totpEnabledAt' | 'totpLastStep' | 'recoveryCodeHashes' | 'updatedAt'
>;
/** The two-factor columns; a value may be SQL (e.g. `now()`) so the database clock decides. */
type TwoFactorColumns = { [K in keyof TwoFactorInsert]?: TwoFactorInsert[K] | SQL };

export async function setTwoFactor(db: Db, userId: string, columns: TwoFactorColumns): Promise<void> {
  await db.update(users).set(columns).where(eq(users.id, userId));
}

/** Removes one recovery code if the account holds it; false when it was not there (already used, or wrong). */
export async function spendRecoveryCode(db: Db, userId: string, codeHash: string): Promise<boolean> {
  const used = await db
    .update(users)
    .set({ recoveryCodeHashes: sql`${users.recoveryCodeHashes} - ${codeHash}::text` })
    .where(and(eq(users.id, userId), sql`jsonb_exists(${users.recoveryCodeHashes}, ${codeHash})`))
    .returning({ id: users.id });
  return used.length > 0;
}

/** An admin's role change (people.service decides and audits; auth owns the row). */
export async function setAccountRoles(tx: Tx, userId: string, roles: Role[]): Promise<void> {
  await tx.update(users).set({ roles, updatedAt: sql`now()` }).where(eq(users.id, userId));
}

/** Disabling or enabling an account; disabling also ends every session at once. */
export async function setAccountStatus(tx: Tx, userId: string, status: 'active' | 'disabled'): Promise<void> {
  await tx.update(users).set({ status, updatedAt: sql`now()` }).where(eq(users.id, userId));
  if (status === 'disabled') await revokeAllSessions(tx, userId);
}

export async function revokeSession(db: Db, tokenHash: string): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt)));
}

/** Ends every session of a person (disable, password change), optionally keeping the one in use. */
export async function revokeAllSessions(db: Db, userId: string, keepTokenHash?: string): Promise<void> {
  const conditions = [eq(sessions.userId, userId), isNull(sessions.revokedAt)];
  if (keepTokenHash) conditions.push(ne(sessions.tokenHash, keepTokenHash));
  await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(...conditions));
}
