import { and, arrayContains, eq, gt, isNull, lte, or, type Placeholder, type SQL, sql } from 'drizzle-orm';
import type { AccessLogScope, Scope } from '../../../shared/contracts/consent.ts';
import { inRoleGroup } from '../../../shared/contracts/roles.ts';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema/auth.ts';
import { accessLog, breakGlass, consentGrants } from '../../db/schema/consent.ts';
import { notFound } from '../../lib/app-error.ts';
import { isoOrNull } from '../../lib/dates.ts';
import type { Actor } from '../../plugins/session.ts';

/**
 * The consent core. Every read of one person's record by another goes through `authorizeRecordRead`
 * (single records); lists of other people's records join `grantIsActive`, the one condition single reads
 * decide with, so a list can never show what a single read would refuse (consent.test.ts and
 * caseload.consistency.test.ts check it). Only grants of active accounts count: a disabled or deleted
 * person's record is in nobody's list. Each permitted read by someone else is written to the access log.
 * Grants themselves are written by consent.grants.ts only.
 */

export type RecordAccess =
  | { via: 'self' }
  | { via: 'grant'; grantId: string; purpose: string; until: Date | null }
  | { via: 'break_glass'; breakGlassId: string; reason: string; until: Date };

/** The one definition of a grant in force for a scope at a moment (a placeholder in a prepared statement). */
export function grantIsActive(scope: Scope, at: Date | Placeholder): SQL {
  return and(
    isNull(consentGrants.revokedAt),
    lte(consentGrants.startsAt, at),
    or(isNull(consentGrants.expiresAt), gt(consentGrants.expiresAt, at)),
    arrayContains(consentGrants.scopes, [scope]),
  ) as SQL;
}

export async function decideRecordRead(
  db: Db,
  actor: Actor,
  subjectId: string,
  scope: Scope,
  at = new Date(),
): Promise<RecordAccess | null> {
  if (actor.userId === subjectId) return { via: 'self' };
  const [grant] = await db
    .select({ id: consentGrants.id, purpose: consentGrants.purpose, expiresAt: consentGrants.expiresAt })
    .from(consentGrants)
    .where(and(eq(consentGrants.granteeId, actor.userId), eq(consentGrants.grantorId, subjectId), grantIsActive(scope, at)))
    .limit(1);
  if (grant) return { via: 'grant', grantId: grant.id, purpose: grant.purpose, until: grant.expiresAt };
  if (inRoleGroup(actor.roles, 'oversight')) {
    const [opened] = await db
      .select({ id: breakGlass.id, reason: breakGlass.reason, expiresAt: breakGlass.expiresAt })
      .from(breakGlass)
      .where(and(eq(breakGlass.actorId, actor.userId), eq(breakGlass.subjectId, subjectId), gt(breakGlass.expiresAt, at)))
      .limit(1);
    if (opened) return { via: 'break_glass', breakGlassId: opened.id, reason: opened.reason, until: opened.expiresAt };
  }
  return null;
}

/**
 * Authorizes a read of `subjectId`'s record in `scope` and logs it. Anything not permitted is a 404:
 * the actor learns nothing about whether the record exists.
 */
export async function authorizeRecordRead(db: Db, actor: Actor, subjectId: string, scope: Scope): Promise<RecordAccess> {
  // A disabled or deleted account's record is gone for everyone else, grants or not.
  if (actor.userId !== subjectId) {
    const [subject] = await db.select({ status: users.status }).from(users).where(eq(users.id, subjectId)).limit(1);
    if (subject?.status !== 'active') throw notFound();
  }
  const access = await decideRecordRead(db, actor, subjectId, scope);
  if (!access) throw notFound();
  if (access.via !== 'self') await logAccess(db, actor, subjectId, scope, access);
  return access;
}

/**
 * A read that no grant covers but the reader's role permits (a supervisor reviewing coaching notes):
 * logged like any other, with the fixed purpose of that role's work.
 */
export type RoleAccess = { via: 'role'; purpose: string };

/**
 * How long a read stays "already logged" (decision 006): another read by the same actor of the same
 * subject and scope through the same grant within this window adds no row. Break-glass and role
 * reads are never coalesced.
 */
export const ACCESS_LOG_COALESCE_MINUTES = 10;

export interface AccessLogEntry {
  subjectId: string;
  scope: AccessLogScope;
  access: Exclude<RecordAccess, { via: 'self' }> | RoleAccess;
}

/** One read of another person's record, logged by the rule of `logAccesses`. */
export async function logAccess(
  db: Db,
  actor: Actor,
  subjectId: string,
  scope: AccessLogScope,
  access: Exclude<RecordAccess, { via: 'self' }> | RoleAccess,
  at = new Date(),
) {
  await logAccesses(db, actor, [{ subjectId, scope, access }], at);
}

/**
 * Logs reads of other people's records at `at`, in one INSERT. A read through a grant is written
 * unless the log already holds a row of the same actor, subject, scope and grant from the last
 * ACCESS_LOG_COALESCE_MINUTES (served by access_log_actor_idx); break-glass and role reads are always
 * written. Two requests racing can both write: the rule only ever errs towards more rows.
 */
export async function logAccesses(db: Db, actor: Actor, entries: readonly AccessLogEntry[], at = new Date()) {
  const rows = new Map<
    string,
    { subjectId: string; scope: string; purpose: string; grantId: string | null; breakGlassId: string | null }
  >();
  entries.forEach(({ subjectId, scope, access }, i) => {
    const grantId = access.via === 'grant' ? access.grantId : null;
    // Within one call, repeated grant reads are one read; the others each keep their row.
    const key = grantId ? `${subjectId} ${scope} ${grantId}` : String(i);
    if (rows.has(key)) return;
    rows.set(key, {
      subjectId,
      scope,
      purpose: access.via === 'break_glass' ? `Break-glass: ${access.reason}` : access.purpose,
      grantId,
      breakGlassId: access.via === 'break_glass' ? access.breakGlassId : null,
    });
  });
  if (rows.size === 0) return;
  const list = [...rows.values()];
  const column = (pick: (row: (typeof list)[number]) => string | null, type: 'uuid' | 'text') =>
    sql`${sql.param(list.map(pick))}::${sql.raw(type)}[]`;
  await db.execute(sql`
    insert into ${accessLog} (at, actor_id, subject_id, scope, purpose, grant_id, break_glass_id, break_glass)
    select ${at.toISOString()}::timestamptz, ${actor.userId}::uuid, r.subject_id, r.scope, r.purpose, r.grant_id,
           r.break_glass_id, r.break_glass_id is not null
    from unnest(${column((r) => r.subjectId, 'uuid')}, ${column((r) => r.scope, 'text')}, ${column((r) => r.purpose, 'text')},
                ${column((r) => r.grantId, 'uuid')}, ${column((r) => r.breakGlassId, 'uuid')})
      as r(subject_id, scope, purpose, grant_id, break_glass_id)
    where r.grant_id is null or not exists (
      select 1 from ${accessLog} l
      where l.actor_id = ${actor.userId}::uuid and l.subject_id = r.subject_id and l.scope = r.scope
        and l.at > ${at.toISOString()}::timestamptz - make_interval(mins => ${ACCESS_LOG_COALESCE_MINUTES})
        and l.grant_id = r.grant_id)`);
}

/**
 * Everyone whose `scope` the actor may read through a grant: a list in its simplest form, one reader
 * and one scope. Product lists (the caseload's prepared statement, SOS recipients) join grantIsActive in
 * the same way inside their own queries; consent.test.ts holds this one against single reads for every
 * case, and caseload.consistency.test.ts holds the caseload against them.
 */
export async function grantedSubjects(db: Db, actor: Actor, scope: Scope, at = new Date()) {
  return db
    .select({ subjectId: consentGrants.grantorId, grantId: consentGrants.id, purpose: consentGrants.purpose })
    .from(consentGrants)
    .innerJoin(users, and(eq(users.id, consentGrants.grantorId), eq(users.status, 'active')))
    .where(and(eq(consentGrants.granteeId, actor.userId), grantIsActive(scope, at)));
}

/** What a reader may be told about how they got access (never the purpose or reason text of others). */
export function accessSummary(access: RecordAccess): { via: RecordAccess['via']; until: string | null } {
  return { via: access.via, until: access.via === 'self' ? null : isoOrNull(access.until) };
}
