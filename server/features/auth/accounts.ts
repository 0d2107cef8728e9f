import { eq } from 'drizzle-orm';
import type { Me } from '../../../shared/contracts/auth.ts';
import type { Role } from '../../../shared/contracts/common.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { profiles, sessions, users } from '../../db/schema/accounts.ts';
import { conflict, notFound } from '../../lib/app-error.ts';
import { hashToken, newToken } from '../../lib/crypto.ts';
import { isUniqueViolation } from '../../lib/db-errors.ts';
import { hashPassword } from '../../lib/passwords.ts';
import { requiresMfaSetup } from '../../plugins/session.ts';

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
    await db.insert(profiles).values({ userId: user.id, alias: input.alias, timezone: input.timezone });
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
