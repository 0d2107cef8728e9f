import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { OwnProfile, RecoveryPathway, updateProfileSchema } from '../../../shared/contracts/people.ts';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema/auth.ts';
import { profiles } from '../../db/schema/profile.ts';
import { conflict, notFound } from '../../lib/app-error.ts';
import { isUniqueViolation } from '../../lib/db-errors.ts';
import { prepared } from '../../lib/prepared.ts';
import type { Actor } from '../../plugins/session.ts';
import { accessSummary, authorizeRecordRead } from '../consent/consent.public.ts';

const selectProfile = (db: Db) =>
  db
    .select({ profile: profiles, email: users.email, status: users.status })
    .from(profiles)
    .innerJoin(users, eq(users.id, profiles.userId))
    .where(eq(profiles.userId, sql.placeholder('userId')))
    .prepare('load_profile');

async function loadProfileRow(db: Db, userId: string) {
  const [row] = await prepared(db, 'load_profile', selectProfile).execute({ userId });
  return row ?? null;
}

export async function getOwnProfile({ db, actor }: { db: Db; actor: Actor }): Promise<OwnProfile> {
  const row = await loadProfileRow(db, actor.userId);
  if (!row) throw notFound();
  const p = row.profile;
  return {
    id: p.userId,
    email: row.email,
    legalName: p.legalName,
    alias: p.alias,
    pronouns: p.pronouns,
    languages: p.languages,
    timezone: p.timezone,
    pathways: p.pathways as RecoveryPathway[],
    pathwaysVisibility: p.pathwaysVisibility,
    updatedAt: p.updatedAt.toISOString(),
  };
}

export async function updateOwnProfile({ db, actor, changes }: { db: Db; actor: Actor; changes: z.infer<typeof updateProfileSchema> }) {
  const normalized = {
    ...changes,
    ...(changes.legalName !== undefined ? { legalName: changes.legalName || null } : {}),
    ...(changes.pronouns !== undefined ? { pronouns: changes.pronouns || null } : {}),
    ...(changes.languages ? { languages: [...new Set(changes.languages)] } : {}),
    ...(changes.pathways ? { pathways: [...new Set(changes.pathways)] } : {}),
  };
  try {
    await db
      .update(profiles)
      .set({ ...normalized, updatedAt: sql`now()` })
      .where(eq(profiles.userId, actor.userId));
  } catch (error) {
    if (isUniqueViolation(error, 'profiles_alias_unique')) {
      throw conflict('That alias is taken; choose another', [{ path: 'body.alias', message: 'Already in use' }]);
    }
    throw error;
  }
  return getOwnProfile({ db, actor });
}

/** Another person's private profile: only through the `profile` scope (or break-glass), and logged. */
export async function getSharedProfile({ db, actor, subjectId }: { db: Db; actor: Actor; subjectId: string }) {
  const existing = await loadProfileRow(db, subjectId);
  if (existing?.status !== 'active') throw notFound();
  const access = await authorizeRecordRead(db, actor, subjectId, 'profile');
  const p = existing.profile;
  return {
    id: p.userId,
    alias: p.alias,
    legalName: p.legalName,
    pronouns: p.pronouns,
    languages: p.languages,
    timezone: p.timezone,
    // Pathways need a second yes: the grant of `profile`, and the person's choice to include them.
    pathways: access.via === 'self' || p.pathwaysVisibility === 'shared' ? (p.pathways as RecoveryPathway[]) : [],
    access: accessSummary(access),
  };
}

/** A new person's profile, written with their account (auth's createAccount) in its transaction. */
export async function createProfile(db: Db, profile: { userId: string; alias: string; timezone: string }): Promise<void> {
  await db.insert(profiles).values(profile);
}
