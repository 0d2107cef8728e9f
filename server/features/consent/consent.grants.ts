import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Scope } from '../../../shared/contracts/consent.ts';
import type { Tx } from '../../db/client.ts';
import { users } from '../../db/schema/auth.ts';
import { consentGrants } from '../../db/schema/consent.ts';
import { notFound } from '../../lib/app-error.ts';
import { onlyRow } from '../../lib/rows.ts';
import { recordAudit } from '../audit/audit.public.ts';

/**
 * The one writer of consent grants. A member's own "share with", accepting a coach and accepting an
 * accountability partner all create grants here; revoking one, closing or transferring a coaching
 * relationship and ending a partnership all revoke them here. Each runs in the caller's transaction
 * and writes its audit event by one rule: the subject is the grantee (the person whose access
 * changes), the actor whoever made it happen, and the detail names the grant and its grantor, plus
 * what the caller adds (the relationship or partnership it belongs to).
 */

type AuditDetail = NonNullable<Parameters<typeof recordAudit>[1]['detail']>;

export interface GrantConsent {
  grantorId: string;
  granteeId: string;
  /** Repeats are stored once. */
  scopes: readonly Scope[];
  purpose: string;
  /** Default: now. */
  startsAt?: Date;
  expiresAt?: Date | null;
  actorId: string;
  detail?: AuditDetail;
}

/**
 * Creates a grant and its `grant.created` event; returns the grant's id. Consent is given to an
 * active account only: anyone else is "no such person".
 */
export async function grantConsent(tx: Tx, input: GrantConsent): Promise<string> {
  const [grantee] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, input.granteeId), eq(users.status, 'active')));
  if (!grantee) throw notFound('No such person', [{ path: 'body.granteeId', message: 'Not found' }]);
  const scopes = [...new Set(input.scopes)];
  const row = onlyRow(
    await tx
      .insert(consentGrants)
      .values({
        grantorId: input.grantorId,
        granteeId: input.granteeId,
        scopes,
        purpose: input.purpose,
        startsAt: input.startsAt,
        expiresAt: input.expiresAt ?? null,
      })
      .returning({ id: consentGrants.id }),
  );
  await recordAudit(tx, {
    event: 'grant.created',
    actorId: input.actorId,
    subjectId: input.granteeId,
    detail: { ...input.detail, grantId: row.id, grantorId: input.grantorId, scopes },
  });
  return row.id;
}

export interface RevokeConsent {
  /** Missing ids (a relationship that never had a grant) are skipped. */
  grantIds: readonly (string | null | undefined)[];
  actorId: string;
  detail?: AuditDetail;
}

/**
 * Revokes the grants still in force, each with its `grant.revoked` event, and returns them. It takes
 * effect on the very next request: every read re-checks the grant. A grant already revoked is left
 * as it is (no event): the moment consent ended is evidence and must not move.
 */
export async function revokeConsent(tx: Tx, input: RevokeConsent) {
  const ids = [...new Set(input.grantIds.filter((id): id is string => Boolean(id)))];
  if (ids.length === 0) return [];
  const revoked = await tx
    .update(consentGrants)
    .set({ revokedAt: sql`now()` })
    .where(and(inArray(consentGrants.id, ids), isNull(consentGrants.revokedAt)))
    .returning({ id: consentGrants.id, grantorId: consentGrants.grantorId, granteeId: consentGrants.granteeId });
  for (const grant of revoked) {
    await recordAudit(tx, {
      event: 'grant.revoked',
      actorId: input.actorId,
      subjectId: grant.granteeId,
      detail: { ...input.detail, grantId: grant.id, grantorId: grant.grantorId },
    });
  }
  return revoked;
}
