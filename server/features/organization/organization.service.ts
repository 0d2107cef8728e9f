import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { setupSchema } from '../../../shared/contracts/auth.ts';
import type { OrganizationSettings, updateOrganizationSettingsSchema } from '../../../shared/contracts/organization.ts';
import type { AppContext, OrganizationRow } from '../../context.ts';
import { organization } from '../../db/schema/organization.ts';
import { conflict, setupRequired } from '../../lib/app-error.ts';
import { isUniqueViolation } from '../../lib/db-errors.ts';
import type { Actor } from '../../plugins/session.ts';
import { recordAudit } from '../audit/audit.public.ts';
import { createAccount, type NewSession, startSession } from '../auth/auth.public.ts';

const toSettings = (row: OrganizationRow): OrganizationSettings => ({
  name: row.name,
  timezone: row.timezone,
  crisisLines: row.crisisLines,
  openSignup: row.openSignup,
  requireStaffMfa: row.requireStaffMfa,
});

/**
 * First run: creates the organization and its first admin together, or nothing. The single-row
 * primary key makes a second, simultaneous setup fail instead of creating two organizations.
 */
export async function setUpOrganization({ ctx, input }: { ctx: AppContext; input: z.infer<typeof setupSchema> }) {
  if (await ctx.organization()) throw conflict('This Kinship is already set up');
  try {
    const result = await ctx.db.transaction(async (tx): Promise<{ userId: string; session: NewSession }> => {
      await tx.insert(organization).values({ id: 1, ...input.organization });
      const userId = await createAccount(tx, { ...input.admin, roles: ['admin', 'member'], timezone: input.organization.timezone });
      await recordAudit(tx, { event: 'organization.created', actorId: userId });
      await recordAudit(tx, { event: 'signin.success', actorId: userId, subjectId: userId, detail: { mfa: false } });
      return { userId, session: await startSession(tx, ctx, userId, 'active') };
    });
    return result;
  } catch (error) {
    if (isUniqueViolation(error, 'organization_pkey')) throw conflict('This Kinship is already set up');
    throw error;
  } finally {
    ctx.forgetOrganization();
  }
}

export async function getSettings({ ctx }: { ctx: AppContext }): Promise<OrganizationSettings> {
  const org = await ctx.organization();
  if (!org) throw setupRequired('This Kinship is not set up yet');
  return toSettings(org);
}

export async function updateSettings(input: {
  ctx: AppContext;
  actor: Actor;
  changes: z.infer<typeof updateOrganizationSettingsSchema>;
}): Promise<OrganizationSettings> {
  const { ctx, actor, changes } = input;
  // An empty PATCH is valid and changes nothing; an UPDATE with nothing to set is an error in Drizzle.
  if (Object.keys(changes).length === 0) return getSettings({ ctx });
  const row = await ctx.db.transaction(async (tx) => {
    const [updated] = await tx.update(organization).set(changes).where(eq(organization.id, 1)).returning();
    if (!updated) throw setupRequired('This Kinship is not set up yet');
    await recordAudit(tx, { event: 'organization.settings_changed', actorId: actor.userId, detail: { fields: Object.keys(changes) } });
    return updated;
  });
  ctx.forgetOrganization();
  return toSettings(row);
}
