import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { passwordResets, sessions, users } from '../../db/schema/auth.ts';
import { notFound } from '../../lib/app-error.ts';
import { erasedRows, type PersonalData } from '../../lib/feature.ts';

/**
 * The account in "my data". Export: the account row, never the password hash, TOTP secret or recovery
 * code hashes. Deletion: every session ends (this one included) and reset links go; the account row
 * itself stays de-identified (deidentifyAccount, decision 005), because logs refer to it by id.
 */
export const DELETED_EMAIL_DOMAIN = 'deleted.invalid';
/** Not an argon2 hash: verification always fails, so no password can ever match again. */
const UNUSABLE_PASSWORD_HASH = '!account-deleted';

/** The placeholder address a deleted account's email (and the invitations naming it) become. */
export const deletedEmailOf = (userId: string) => `deleted-${userId}@${DELETED_EMAIL_DOMAIN}`;

export const authMyData: PersonalData = {
  tables: [sessions, passwordResets],
  async export(tx, { id }) {
    const [account] = await tx
      .select({
        id: users.id,
        email: users.email,
        roles: users.roles,
        status: users.status,
        totpEnabledAt: users.totpEnabledAt,
        createdAt: users.createdAt,
      })
      .from(users)
      .where(eq(users.id, id));
    if (!account) throw notFound();
    return {
      account: {
        id: account.id,
        email: account.email,
        roles: account.roles,
        status: account.status,
        twoFactorEnabled: account.totpEnabledAt !== null,
        createdAt: account.createdAt.toISOString(),
      },
    };
  },
  // Not exported: sessions and password resets are token hashes, credentials rather than content.
  erase: async ({ tx, subject }) => [
    await erasedRows('sessions', tx.delete(sessions).where(eq(sessions.userId, subject.id)).returning({ id: sessions.tokenHash })),
    await erasedRows(
      'password reset links',
      tx.delete(passwordResets).where(eq(passwordResets.userId, subject.id)).returning({ id: passwordResets.id }),
    ),
  ],
};

/** The account row stays (logs, break-glass records and invitations refer to it) but nothing in it names the person or lets anyone sign in. */
export async function deidentifyAccount(tx: Tx, userId: string) {
  await tx
    .update(users)
    .set({
      email: deletedEmailOf(userId),
      passwordHash: UNUSABLE_PASSWORD_HASH,
      roles: [],
      status: 'disabled',
      totpSecretEnc: null,
      totpEnabledAt: null,
      totpLastStep: null,
      recoveryCodeHashes: [],
      updatedAt: sql`now()`,
    })
    .where(eq(users.id, userId));
  return {
    what: 'account',
    how: 'Your email is replaced by a placeholder, your password and two-factor sign-in are removed, your roles are emptied and the account is closed.',
  };
}
