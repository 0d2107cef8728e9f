import { and, asc, count, eq, ilike, ne, or, sql } from 'drizzle-orm';
import type { AdminPerson, PersonCard } from '../../../shared/contracts/people.ts';
import type { Role } from '../../../shared/contracts/roles.ts';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema/auth.ts';
import { profiles } from '../../db/schema/profile.ts';
import { conflict, notFound } from '../../lib/app-error.ts';
import type { Actor } from '../../plugins/session.ts';
import { recordAudit } from '../audit/audit.public.ts';
import { DELETED_EMAIL_DOMAIN, setAccountRoles, setAccountStatus } from '../auth/auth.public.ts';

// Recovery pathways never appear on a card: they are private, or shown only through a `profile` grant.
const cardColumns = {
  id: profiles.userId,
  alias: profiles.alias,
  pronouns: profiles.pronouns,
  languages: profiles.languages,
};

const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Finds people by their alias, to pick someone (never by legal name or email): every word of the
 * query must appear somewhere in the alias ("Casey" finds "Demo Casey"); an alias that starts with
 * the query comes first, then one with a word that does.
 */
export async function searchPeople({ db, query }: { db: Db; query: string }) {
  const words = query.split(/\s+/).filter(Boolean).map(likeLiteral);
  const whole = likeLiteral(query);
  const rows = await db
    .select(cardColumns)
    .from(profiles)
    .innerJoin(users, eq(users.id, profiles.userId))
    .where(and(eq(users.status, 'active'), ...words.map((word) => ilike(profiles.alias, `%${word}%`))))
    .orderBy(
      sql`case when ${profiles.alias} ilike ${`${whole}%`} then 0 when ${profiles.alias} ilike ${`% ${whole}%`} then 1 else 2 end`,
      asc(profiles.alias),
    )
    .limit(20);
  return rows satisfies PersonCard[];
}

export async function getPersonCard({ db, id }: { db: Db; id: string }) {
  const [row] = await db
    .select(cardColumns)
    .from(profiles)
    .innerJoin(users, eq(users.id, profiles.userId))
    .where(and(eq(users.status, 'active'), eq(profiles.userId, id)));
  if (!row) throw notFound();
  return row satisfies PersonCard;
}

const adminColumns = {
  id: users.id,
  email: users.email,
  alias: profiles.alias,
  roles: users.roles,
  status: users.status,
  totpEnabledAt: users.totpEnabledAt,
  createdAt: users.createdAt,
};
type AdminRow = {
  id: string;
  email: string;
  alias: string;
  roles: Role[];
  status: 'active' | 'disabled';
  totpEnabledAt: Date | null;
  createdAt: Date;
};
const toAdminPerson = (row: AdminRow): AdminPerson => ({
  id: row.id,
  email: row.email,
  alias: row.alias,
  roles: row.roles,
  status: row.status,
  mfaEnabled: row.totpEnabledAt !== null,
  createdAt: row.createdAt.toISOString(),
});

export async function listPeople({ db }: { db: Db }) {
  const rows = await db.select(adminColumns).from(users).innerJoin(profiles, eq(profiles.userId, users.id)).orderBy(asc(profiles.alias));
  return rows.map(toAdminPerson);
}

async function loadAdminPerson(db: Db, id: string) {
  const [row] = await db.select(adminColumns).from(users).innerJoin(profiles, eq(profiles.userId, users.id)).where(eq(users.id, id));
  if (!row) throw notFound();
  return row;
}

/**
 * Locks the target row and every admin row, always in id order (so two such changes cannot deadlock).
 * Locking only the target is not enough: two admins demoting each other at once would each lock a
 * different row, each still count the other, and together leave no admin at all.
 */
async function lockAdminsAnd(db: Db, id: string) {
  await db
    .select({ id: users.id })
    .from(users)
    .where(or(eq(users.id, id), sql`'admin' = any(${users.roles})`))
    .orderBy(asc(users.id))
    .for('update');
}

/** Fails when the change would leave the organization with no active admin. */
async function assertAnotherAdminRemains(db: Db, excludingId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(users)
    .where(and(ne(users.id, excludingId), eq(users.status, 'active'), sql`'admin' = any(${users.roles})`));
  if ((row?.n ?? 0) === 0) throw conflict('At least one active admin must remain');
}

export async function setRoles({ db, actor, id, roles }: { db: Db; actor: Actor; id: string; roles: Role[] }) {
  const unique = [...new Set(roles)];
  await db.transaction(async (tx) => {
    await lockAdminsAnd(tx, id);
    const [before] = await tx.select({ roles: users.roles }).from(users).where(eq(users.id, id));
    if (!before) throw notFound();
    if (before.roles.includes('admin') && !unique.includes('admin')) await assertAnotherAdminRemains(tx, id);
    await setAccountRoles(tx, id, unique);
    await recordAudit(tx, {
      event: 'roles.changed',
      actorId: actor.userId,
      subjectId: id,
      detail: { before: before.roles, after: unique },
    });
  });
  return toAdminPerson(await loadAdminPerson(db, id));
}

/** Disabling ends every session of the person at once; their data stays until they or an admin delete it. */
export async function setStatus({ db, actor, id, status }: { db: Db; actor: Actor; id: string; status: 'active' | 'disabled' }) {
  if (id === actor.userId && status === 'disabled') throw conflict('You cannot disable your own account');
  await db.transaction(async (tx) => {
    await lockAdminsAnd(tx, id);
    const [before] = await tx.select({ roles: users.roles, status: users.status, email: users.email }).from(users).where(eq(users.id, id));
    if (!before) throw notFound();
    if (before.status === status) return;
    // A person who deleted their account keeps only a de-identified row (my-data.service); it never opens again.
    if (status === 'active' && before.email.endsWith(`@${DELETED_EMAIL_DOMAIN}`)) {
      throw conflict('This person deleted their account; it cannot be enabled again');
    }
    if (status === 'disabled' && before.roles.includes('admin')) await assertAnotherAdminRemains(tx, id);
    await setAccountStatus(tx, id, status);
    await recordAudit(tx, { event: status === 'disabled' ? 'account.disabled' : 'account.enabled', actorId: actor.userId, subjectId: id });
  });
  return toAdminPerson(await loadAdminPerson(db, id));
}
