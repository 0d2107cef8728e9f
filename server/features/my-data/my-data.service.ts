import { and, asc, count, eq, ne, or, sql } from 'drizzle-orm';
import type { DeleteAccountResult } from '../../../shared/contracts/my-data.ts';
import type { AppContext } from '../../context.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { users } from '../../db/schema/auth.ts';
import { accessLog, breakGlass } from '../../db/schema/consent.ts';
import { invites } from '../../db/schema/invites.ts';
import { badRequest, conflict, notFound } from '../../lib/app-error.ts';
import type { Erased } from '../../lib/feature.ts';
import { verifyPassword } from '../../lib/passwords.ts';
import type { Actor } from '../../plugins/session.ts';
import { recordAudit } from '../audit/audit.public.ts';
import { deidentifyAccount } from '../auth/auth.public.ts';
import { deidentifyProfile } from '../profile/profile.public.ts';

/**
 * Deleting an account (decision 005): every feature erases its part (its `myData.erase`, in the
 * registry's order, in one transaction), the account and profile rows stay de-identified, and the
 * logs the law requires are kept and counted on the receipt.
 */

const WHY_LOGS =
  'The access log (who read your records, when and why) and the security log are kept: the law (42 CFR Part 2 accounting of ' +
  'disclosures, HIPAA audit controls) requires us to be able to show who saw health records. They hold only account ids, ' +
  'and your account no longer carries your email or name.';
const WHY_BREAK_GLASS =
  'Records of emergency (break-glass) access to your record or by you are kept with the access log, for the same legal reason.';
const WHY_INVITES = 'Invitations you sent on behalf of the organization stay in its records; they now show "Former member".';

export async function deleteMyAccount({
  ctx,
  actor,
  password,
}: {
  ctx: AppContext;
  actor: Actor;
  password: string;
}): Promise<DeleteAccountResult> {
  const db = ctx.db;
  const me = actor.userId;
  const [current] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, me));
  if (!current || !(await verifyPassword(current.passwordHash, password))) {
    throw badRequest('Your password is not right', [{ path: 'body.password', message: 'Not your password' }]);
  }

  return db.transaction(async (tx) => {
    // Same lock order as role and status changes (people.service): this row and every admin row, by id,
    // so two admins deleting themselves at once cannot both believe the other remains.
    const locked = await tx
      .select({ id: users.id, roles: users.roles, email: users.email })
      .from(users)
      .where(or(eq(users.id, me), sql`'admin' = any(${users.roles})`))
      .orderBy(asc(users.id))
      .for('update');
    const self = locked.find((row) => row.id === me);
    if (!self) throw notFound();
    if (self.roles.includes('admin')) {
      const [others] = await tx
        .select({ n: count() })
        .from(users)
        .where(and(ne(users.id, me), eq(users.status, 'active'), sql`'admin' = any(${users.roles})`));
      if ((others?.n ?? 0) === 0) {
        throw conflict(
          'You are the only active admin. Make someone else an admin first, so the organization is not left without one; then you can delete your account.',
        );
      }
    }

    const subject = { id: me, email: self.email };
    const erased: Erased[] = [];
    for (const feature of ctx.features) {
      if (feature.myData) erased.push(...(await feature.myData.erase({ tx, ctx, subject })));
    }
    const deidentified = [await deidentifyAccount(tx, me), await deidentifyProfile(tx, me)];

    const [reads] = await tx
      .select({ n: count() })
      .from(accessLog)
      .where(or(eq(accessLog.subjectId, me), eq(accessLog.actorId, me)));
    const [windows] = await tx
      .select({ n: count() })
      .from(breakGlass)
      .where(or(eq(breakGlass.subjectId, me), eq(breakGlass.actorId, me)));
    const [sent] = await tx.select({ n: count() }).from(invites).where(eq(invites.invitedBy, me));

    await recordAudit(tx, {
      event: 'account.deleted',
      actorId: me,
      subjectId: me,
      detail: { rowsErased: erased.reduce((sum, e) => sum + e.count, 0) },
    });
    const [events] = await tx
      .select({ n: count() })
      .from(auditLog)
      .where(or(eq(auditLog.subjectId, me), eq(auditLog.actorId, me)));

    return {
      deleted: true as const,
      erased,
      deidentified,
      kept: [
        { what: 'access log', count: reads?.n ?? 0, why: WHY_LOGS },
        { what: 'security log', count: events?.n ?? 0, why: WHY_LOGS },
        { what: 'break-glass records', count: windows?.n ?? 0, why: WHY_BREAK_GLASS },
        { what: 'invitations you sent', count: sent?.n ?? 0, why: WHY_INVITES },
      ],
    };
  });
}
