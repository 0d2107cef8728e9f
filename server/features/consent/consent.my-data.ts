import { asc, eq, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { accessLog, breakGlass, consentGrants } from '../../db/schema/consent.ts';
import { profiles } from '../../db/schema/profile.ts';
import { isoOrNull } from '../../lib/dates.ts';
import { erasedRows, type PersonalData } from '../../lib/feature.ts';

/**
 * Consent in "my data": the grants I gave and received, who read my record and every break-glass
 * window on it. Deleting an account erases the grants both ways (nobody sees anything of theirs any
 * more, and they see nobody's); the access log and break-glass records are kept (decision 005).
 */
const UNKNOWN = 'deleted account';
const grantorProfile = alias(profiles, 'export_grantor_profile');
const granteeProfile = alias(profiles, 'export_grantee_profile');
const readerProfile = alias(profiles, 'export_reader_profile');

export const consentMyData: PersonalData = {
  tables: [consentGrants],
  async export(tx, { id: me }) {
    const grantRows = await tx
      .select({ grant: consentGrants, grantorAlias: grantorProfile.alias, granteeAlias: granteeProfile.alias })
      .from(consentGrants)
      .leftJoin(grantorProfile, eq(grantorProfile.userId, consentGrants.grantorId))
      .leftJoin(granteeProfile, eq(granteeProfile.userId, consentGrants.granteeId))
      .where(or(eq(consentGrants.grantorId, me), eq(consentGrants.granteeId, me)))
      .orderBy(asc(consentGrants.createdAt));
    const grants = grantRows.map(({ grant, grantorAlias, granteeAlias }) => ({
      id: grant.id,
      grantor: { id: grant.grantorId, alias: grantorAlias ?? UNKNOWN },
      grantee: { id: grant.granteeId, alias: granteeAlias ?? UNKNOWN },
      scopes: grant.scopes,
      purpose: grant.purpose,
      startsAt: grant.startsAt.toISOString(),
      expiresAt: isoOrNull(grant.expiresAt),
      revokedAt: isoOrNull(grant.revokedAt),
      createdAt: grant.createdAt.toISOString(),
    }));
    const reads = await tx
      .select({ entry: accessLog, readerAlias: readerProfile.alias })
      .from(accessLog)
      .leftJoin(readerProfile, eq(readerProfile.userId, accessLog.actorId))
      .where(eq(accessLog.subjectId, me))
      .orderBy(asc(accessLog.id));
    const emergencies = await tx
      .select({ window: breakGlass, readerAlias: readerProfile.alias })
      .from(breakGlass)
      .leftJoin(readerProfile, eq(readerProfile.userId, breakGlass.actorId))
      .where(eq(breakGlass.subjectId, me))
      .orderBy(asc(breakGlass.createdAt));
    return {
      consent: { given: grants.filter((g) => g.grantor.id === me), received: grants.filter((g) => g.grantee.id === me) },
      accessLog: reads.map(({ entry, readerAlias }) => ({
        at: entry.at.toISOString(),
        reader: { id: entry.actorId, alias: readerAlias ?? UNKNOWN },
        scope: entry.scope,
        purpose: entry.purpose,
        grantId: entry.grantId,
        breakGlass: entry.breakGlass,
      })),
      breakGlass: emergencies.map(({ window, readerAlias }) => ({
        openedAt: window.createdAt.toISOString(),
        expiresAt: window.expiresAt.toISOString(),
        openedBy: { id: window.actorId, alias: readerAlias ?? UNKNOWN },
        reason: window.reason,
      })),
    };
  },
  erase: async ({ tx, subject }) => [
    await erasedRows(
      'consent grants',
      tx
        .delete(consentGrants)
        .where(or(eq(consentGrants.grantorId, subject.id), eq(consentGrants.granteeId, subject.id)))
        .returning({ id: consentGrants.id }),
    ),
  ],
};
