import { and, asc, eq, lt, sql } from 'drizzle-orm';
import type { CoachCard, CoachProfile, OwnCoachProfile, PutCoachProfile } from '../../../shared/contracts/coaching.ts';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema/auth.ts';
import { coachProfiles } from '../../db/schema/coaching.ts';
import { profiles } from '../../db/schema/profile.ts';
import { conflict } from '../../lib/app-error.ts';
import { iso } from '../../lib/dates.ts';
import { isSqlState } from '../../lib/db-errors.ts';
import type { Actor } from '../../plugins/session.ts';
import { toCoachCard } from './coaching.relationships.ts';

/** The coach's own profile, and the list members choose a named coach from. */

type CoachRow = typeof coachProfiles.$inferSelect;

function present(row: CoachRow, alias: string): CoachProfile {
  return {
    userId: row.userId,
    alias,
    livedExperience: row.livedExperience,
    pathways: row.pathways as CoachProfile['pathways'],
    specialties: row.specialties as CoachProfile['specialties'],
    languages: row.languages,
    gender: row.gender,
    timezone: row.timezone,
    availability: row.availability,
    maxCaseload: row.maxCaseload,
    seatsTaken: row.seatsTaken,
    certification: row.certification,
    accepting: row.accepting,
    updatedAt: iso(row.updatedAt),
  };
}

export async function getCoachProfile({ db, actor }: { db: Db; actor: Actor }): Promise<OwnCoachProfile> {
  const [row] = await db.select().from(coachProfiles).where(eq(coachProfiles.userId, actor.userId));
  return { profile: row ? present(row, actor.alias) : null, timezone: row?.timezone ?? actor.timezone };
}

/** Creates or replaces the profile. The seat count is never written here: only relationships move it. */
export async function putCoachProfile({ db, actor, input }: { db: Db; actor: Actor; input: PutCoachProfile }): Promise<OwnCoachProfile> {
  const values = {
    livedExperience: input.livedExperience,
    pathways: [...new Set(input.pathways)],
    specialties: [...new Set(input.specialties)],
    languages: [...new Set(input.languages)],
    gender: input.gender,
    availability: [...input.availability].sort((a, b) => a.day - b.day || a.start.localeCompare(b.start)),
    maxCaseload: input.maxCaseload,
    certification: input.certification || null,
    accepting: input.accepting,
    updatedAt: new Date(),
  };
  try {
    await db
      .insert(coachProfiles)
      .values({ userId: actor.userId, timezone: input.timezone ?? actor.timezone, ...values })
      .onConflictDoUpdate({ target: coachProfiles.userId, set: { ...values, ...(input.timezone ? { timezone: input.timezone } : {}) } });
  } catch (error) {
    if (!isSqlState(error, '23514')) throw error;
    const [row] = await db
      .select({ seatsTaken: coachProfiles.seatsTaken })
      .from(coachProfiles)
      .where(eq(coachProfiles.userId, actor.userId));
    const taken = row?.seatsTaken ?? 0;
    throw conflict(
      `${taken} ${taken === 1 ? 'person holds a seat' : 'people hold seats'} in your caseload; the maximum cannot go below ${taken}`,
      [{ path: 'body.maxCaseload', message: `At least ${taken}` }],
    );
  }
  return getCoachProfile({ db, actor });
}

/** Coaches taking new people and with a free seat: alias and what they offer, never an email or legal name. */
export async function listCoaches({ db }: { db: Db }): Promise<CoachCard[]> {
  const rows = await db
    .select({ coach: coachProfiles, alias: profiles.alias })
    .from(coachProfiles)
    .innerJoin(users, eq(users.id, coachProfiles.userId))
    .innerJoin(profiles, eq(profiles.userId, coachProfiles.userId))
    .where(
      and(
        eq(coachProfiles.accepting, true),
        lt(coachProfiles.seatsTaken, coachProfiles.maxCaseload),
        eq(users.status, 'active'),
        sql`'coach' = any(${users.roles})`,
      ),
    )
    .orderBy(asc(profiles.alias));
  return rows.map((row) => toCoachCard(row.coach.userId, row.alias, row.coach));
}
