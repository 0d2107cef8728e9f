import { and, arrayOverlaps, desc, eq, gt, isNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { type createGrantSchema, type Grant, SCOPES, type SharedWithMe } from '../../../shared/contracts/consent.ts';
import { inRoleGroup, ROLE_GROUPS } from '../../../shared/contracts/roles.ts';
import { LIMITS } from '../../../shared/limits.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema/auth.ts';
import { accessLog, breakGlass, consentGrants } from '../../db/schema/consent.ts';
import { profiles } from '../../db/schema/profile.ts';
import { badRequest, notFound } from '../../lib/app-error.ts';
import { iso, isoOrNull } from '../../lib/dates.ts';
import { prepared } from '../../lib/prepared.ts';
import type { Actor } from '../../plugins/session.ts';
import { recordAudit } from '../audit/audit.public.ts';
import { grantConsent, revokeConsent } from './consent.grants.ts';

const BREAK_GLASS_MINUTES = 60;
const grantorProfile = alias(profiles, 'grantor_profile');
const granteeProfile = alias(profiles, 'grantee_profile');

type GrantRow = typeof consentGrants.$inferSelect & { grantorAlias: string; granteeAlias: string };

export function grantStatus(row: Pick<GrantRow, 'revokedAt' | 'startsAt' | 'expiresAt'>, at = new Date()): Grant['status'] {
  if (row.revokedAt) return 'revoked';
  if (row.expiresAt && row.expiresAt <= at) return 'expired';
  if (row.startsAt > at) return 'scheduled';
  return 'active';
}

const toGrant = (row: GrantRow): Grant => ({
  id: row.id,
  grantor: { id: row.grantorId, alias: row.grantorAlias },
  grantee: { id: row.granteeId, alias: row.granteeAlias },
  scopes: row.scopes,
  purpose: row.purpose,
  startsAt: row.startsAt.toISOString(),
  expiresAt: isoOrNull(row.expiresAt),
  revokedAt: isoOrNull(row.revokedAt),
  status: grantStatus(row),
  createdAt: row.createdAt.toISOString(),
});

function selectGrants(db: Db) {
  return db
    .select({
      id: consentGrants.id,
      grantorId: consentGrants.grantorId,
      granteeId: consentGrants.granteeId,
      scopes: consentGrants.scopes,
      purpose: consentGrants.purpose,
      startsAt: consentGrants.startsAt,
      expiresAt: consentGrants.expiresAt,
      revokedAt: consentGrants.revokedAt,
      createdAt: consentGrants.createdAt,
      grantorAlias: grantorProfile.alias,
      granteeAlias: granteeProfile.alias,
    })
    .from(consentGrants)
    .innerJoin(grantorProfile, eq(grantorProfile.userId, consentGrants.grantorId))
    .innerJoin(granteeProfile, eq(granteeProfile.userId, consentGrants.granteeId));
}

export async function listMyGrants({ db, actor }: { db: Db; actor: Actor }) {
  const [given, received] = await Promise.all([
    selectGrants(db).where(eq(consentGrants.grantorId, actor.userId)).orderBy(desc(consentGrants.createdAt)),
    selectGrants(db).where(eq(consentGrants.granteeId, actor.userId)).orderBy(desc(consentGrants.createdAt)),
  ]);
  return { given: given.map(toGrant), received: received.map(toGrant) };
}

async function loadGrant(db: Db, id: string) {
  const [row] = await selectGrants(db).where(eq(consentGrants.id, id));
  if (!row) throw notFound();
  return toGrant(row);
}

export async function createGrant({ db, actor, input }: { db: Db; actor: Actor; input: z.infer<typeof createGrantSchema> }) {
  if (input.granteeId === actor.userId) {
    throw badRequest('You always see your own data; choose someone else', [{ path: 'body.granteeId', message: 'That is you' }]);
  }
  const startsAt = input.startsAt ? new Date(input.startsAt) : new Date();
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && expiresAt <= startsAt) {
    throw badRequest('The end must come after the start', [{ path: 'body.expiresAt', message: 'Before the start' }]);
  }
  const id = await db.transaction((tx) =>
    grantConsent(tx, {
      grantorId: actor.userId,
      granteeId: input.granteeId,
      scopes: input.scopes,
      purpose: input.purpose,
      startsAt,
      expiresAt,
      actorId: actor.userId,
    }),
  );
  return loadGrant(db, id);
}

/** Revokes a grant I gave (see revokeConsent: effective on the next request; a second revoke changes nothing). */
export async function revokeGrant({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  await db.transaction(async (tx) => {
    const [mine] = await tx
      .select({ id: consentGrants.id })
      .from(consentGrants)
      .where(and(eq(consentGrants.id, id), eq(consentGrants.grantorId, actor.userId)));
    if (!mine) throw notFound();
    await revokeConsent(tx, { grantIds: [id], actorId: actor.userId });
  });
  return loadGrant(db, id);
}

const selectAccessLogPage = (db: Db) =>
  db
    .select({
      id: accessLog.id,
      at: accessLog.at,
      actorId: accessLog.actorId,
      actorAlias: profiles.alias,
      scope: accessLog.scope,
      purpose: accessLog.purpose,
      breakGlass: accessLog.breakGlass,
    })
    .from(accessLog)
    .leftJoin(profiles, eq(profiles.userId, accessLog.actorId))
    .where(and(eq(accessLog.subjectId, sql.placeholder('subjectId')), lt(accessLog.id, sql.placeholder('before'))))
    .orderBy(desc(accessLog.id))
    .limit(LIMITS.pageSize + 1)
    .prepare('access_log_page');

/** Newest first, 50 at a time; `before` is the last id of the previous page. */
export async function accessLogPage({ db, actor, before }: { db: Db; actor: Actor; before?: number }) {
  const rows = await prepared(db, 'access_log_page', selectAccessLogPage).execute({
    subjectId: actor.userId,
    before: before ?? Number.MAX_SAFE_INTEGER,
  });
  const page = rows.slice(0, LIMITS.pageSize);
  return {
    entries: page.map((row) => ({
      id: String(row.id),
      at: row.at.toISOString(),
      actor: { id: row.actorId, alias: row.actorAlias ?? 'deleted account' },
      scope: row.scope,
      purpose: row.purpose,
      breakGlass: row.breakGlass,
    })),
    nextBefore: rows.length > LIMITS.pageSize ? (page.at(-1)?.id ?? null) : null,
  };
}

const actorProfile = alias(profiles, 'bg_actor_profile');
const subjectProfile = alias(profiles, 'bg_subject_profile');

function selectBreakGlass(db: Db) {
  return db
    .select({
      id: breakGlass.id,
      reason: breakGlass.reason,
      createdAt: breakGlass.createdAt,
      expiresAt: breakGlass.expiresAt,
      actorId: breakGlass.actorId,
      actorAlias: actorProfile.alias,
      subjectId: breakGlass.subjectId,
      subjectAlias: subjectProfile.alias,
    })
    .from(breakGlass)
    .innerJoin(actorProfile, eq(actorProfile.userId, breakGlass.actorId))
    .innerJoin(subjectProfile, eq(subjectProfile.userId, breakGlass.subjectId));
}

type BreakGlassRow = Awaited<ReturnType<ReturnType<typeof selectBreakGlass>['execute']>>[number];
const toBreakGlass = (row: BreakGlassRow) => ({
  id: row.id,
  actor: { id: row.actorId, alias: row.actorAlias },
  subject: { id: row.subjectId, alias: row.subjectAlias },
  reason: row.reason,
  createdAt: row.createdAt.toISOString(),
  expiresAt: row.expiresAt.toISOString(),
});

/**
 * Emergency access for staff who have no grant: a written reason, one hour, every read flagged in the
 * person's access log, and every supervisor and admin told by email.
 */
export async function openBreakGlass({
  ctx,
  actor,
  subjectId,
  reason,
}: {
  ctx: AppContext;
  actor: Actor;
  subjectId: string;
  reason: string;
}) {
  if (subjectId === actor.userId) throw badRequest('You can read your own record without break-glass');
  const id = await ctx.db.transaction(async (tx) => {
    const [subject] = await tx.select({ id: users.id }).from(users).where(eq(users.id, subjectId));
    if (!subject) throw notFound('No such person');
    const [row] = await tx
      .insert(breakGlass)
      .values({ actorId: actor.userId, subjectId, reason, expiresAt: new Date(Date.now() + BREAK_GLASS_MINUTES * 60_000) })
      .returning({ id: breakGlass.id });
    if (!row) throw new Error('insert returned nothing');
    await recordAudit(tx, { event: 'break_glass.opened', actorId: actor.userId, subjectId, detail: { breakGlassId: row.id } });
    return row.id;
  });
  const reviewers = await ctx.db
    .select({ email: users.email })
    .from(users)
    .where(and(eq(users.status, 'active'), ne(users.id, actor.userId), arrayOverlaps(users.roles, [...ROLE_GROUPS.oversight])));
  for (const reviewer of reviewers) {
    await ctx.mailer.send(ctx.db, {
      to: reviewer.email,
      subject: 'Break-glass access was opened in Kinship',
      text:
        `${actor.alias} opened break-glass access to a person's record for ${BREAK_GLASS_MINUTES} minutes.\n\n` +
        `Review the reason at ${ctx.config.publicUrl}/admin/break-glass`,
    });
  }
  const [row] = await selectBreakGlass(ctx.db).where(eq(breakGlass.id, id));
  if (!row) throw new Error('break-glass row vanished');
  return toBreakGlass(row);
}

export async function listBreakGlass({ db }: { db: Db }) {
  const rows = await selectBreakGlass(db).orderBy(desc(breakGlass.createdAt)).limit(200);
  return rows.map(toBreakGlass);
}

/**
 * What `subjectId` shares with the actor now: grants in force, the scopes they add up to, and an open
 * break-glass window for staff. Facts about the actor's own grants only, so no access-log row; each
 * section's read of the record is logged by that feature. 404 for anyone who is not an active account.
 */
export async function sharedWithMe({ db, actor, subjectId }: { db: Db; actor: Actor; subjectId: string }): Promise<SharedWithMe> {
  const now = new Date();
  const [subject] = await db
    .select({ id: users.id, alias: profiles.alias })
    .from(users)
    .innerJoin(profiles, eq(profiles.userId, users.id))
    .where(and(eq(users.id, subjectId), eq(users.status, 'active')));
  if (!subject) throw notFound();
  const rows = await selectGrants(db)
    .where(
      and(
        eq(consentGrants.granteeId, actor.userId),
        eq(consentGrants.grantorId, subjectId),
        isNull(consentGrants.revokedAt),
        lte(consentGrants.startsAt, now),
        or(isNull(consentGrants.expiresAt), gt(consentGrants.expiresAt, now)),
      ),
    )
    .orderBy(desc(consentGrants.createdAt));
  let breakGlassUntil: Date | null = null;
  if (inRoleGroup(actor.roles, 'oversight')) {
    const [opened] = await db
      .select({ expiresAt: breakGlass.expiresAt })
      .from(breakGlass)
      .where(and(eq(breakGlass.actorId, actor.userId), eq(breakGlass.subjectId, subjectId), gt(breakGlass.expiresAt, now)))
      .orderBy(desc(breakGlass.expiresAt))
      .limit(1);
    breakGlassUntil = opened?.expiresAt ?? null;
  }
  const granted = new Set(rows.flatMap((row) => row.scopes));
  // Break-glass opens the record to read, not the SOS alerts, which only a grant sends.
  const scopes = SCOPES.filter((scope) => granted.has(scope) || (breakGlassUntil !== null && scope !== 'sos'));
  return {
    person: { id: subject.id, alias: subject.alias },
    scopes,
    grants: rows.map((row) => ({
      id: row.id,
      scopes: row.scopes,
      purpose: row.purpose,
      startsAt: iso(row.startsAt),
      expiresAt: isoOrNull(row.expiresAt),
    })),
    breakGlassUntil: isoOrNull(breakGlassUntil),
  };
}
