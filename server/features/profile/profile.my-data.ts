import { and, eq, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { profiles } from '../../db/schema/profile.ts';
import type { PersonalData } from '../../lib/feature.ts';

/** The profile in "my data": exported; on deletion the row stays with the account, de-identified (decision 005). */
export const FORMER_MEMBER = 'Former member';

export const profileMyData: PersonalData = {
  tables: [],
  async export(tx, { id }) {
    const [profile] = await tx.select().from(profiles).where(eq(profiles.userId, id));
    return {
      profile: profile
        ? {
            alias: profile.alias,
            legalName: profile.legalName,
            pronouns: profile.pronouns,
            languages: profile.languages,
            timezone: profile.timezone,
            pathways: profile.pathways,
            pathwaysVisibility: profile.pathwaysVisibility,
            updatedAt: profile.updatedAt.toISOString(),
          }
        : null,
    };
  },
  erase: async () => [],
};

/** Clears everything that could name the person; the alias becomes "Former member" and a piece of the id. */
export async function deidentifyProfile(tx: Tx, userId: string) {
  // Aliases are unique; a short piece of the id keeps two former members apart (and apart from anyone's chosen alias).
  let formerAlias = `${FORMER_MEMBER} ${userId.slice(0, 8)}`;
  const [taken] = await tx
    .select({ id: profiles.userId })
    .from(profiles)
    .where(and(ne(profiles.userId, userId), sql`lower(${profiles.alias}) = lower(${formerAlias})`));
  if (taken) formerAlias = `${FORMER_MEMBER} ${userId}`;
  await tx
    .update(profiles)
    .set({
      alias: formerAlias,
      legalName: null,
      pronouns: null,
      languages: [],
      pathways: [],
      pathwaysVisibility: 'private',
      updatedAt: sql`now()`,
    })
    .where(eq(profiles.userId, userId));
  return {
    what: 'profile',
    how: `Your alias becomes "${formerAlias}"; legal name, pronouns, languages and recovery pathways are cleared.`,
  };
}
