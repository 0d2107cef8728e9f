import { type CrisisLine, DEFAULT_CRISIS_LINES } from '../../../shared/contracts/organization.ts';
import { EMPTY_SAFETY_PLAN, type SafetyPlan, type SafetyPlanContent } from '../../../shared/contracts/safety-plan.ts';
import type { OrganizationRow } from '../../context.ts';
import { safetyPlanVersions } from '../../db/schema/plans.ts';
import { notFound } from '../../lib/app-error.ts';
import type { Own } from '../../plugins/session.ts';
import { accessSummary, authorizeRecordRead } from '../consent/consent.public.ts';
import { presentVersion } from './plans.service.ts';
import { latestVersion, saveVersion, versionNumbered } from './versions.ts';

type Options = Own & {
  organization: () => Promise<OrganizationRow | null>;
};

/**
 * A safety plan always shows somewhere to turn: the organization's lines, or the US defaults (988)
 * when it has listed none, because an empty crisis step could cost a life.
 */
async function crisisLinesOf(organization: Options['organization']): Promise<CrisisLine[]> {
  const lines = (await organization())?.crisisLines ?? [];
  return lines.length > 0 ? lines : DEFAULT_CRISIS_LINES;
}

export async function getOwnSafetyPlan({ db, actor, organization }: Options): Promise<SafetyPlan> {
  const stored = await latestVersion<SafetyPlanContent>(db, safetyPlanVersions, actor.userId);
  return { ...presentVersion(stored, EMPTY_SAFETY_PLAN), crisisLines: await crisisLinesOf(organization) };
}

export async function saveOwnSafetyPlan({
  db,
  actor,
  organization,
  content,
  baseVersion,
}: Options & { content: SafetyPlanContent; baseVersion: number }): Promise<SafetyPlan> {
  const saved = await saveVersion(db, safetyPlanVersions, actor.userId, baseVersion, content);
  return { ...presentVersion(saved, EMPTY_SAFETY_PLAN), crisisLines: await crisisLinesOf(organization) };
}

export async function getOwnSafetyPlanVersion({ db, actor, organization, version }: Options & { version: number }): Promise<SafetyPlan> {
  const stored = await versionNumbered<SafetyPlanContent>(db, safetyPlanVersions, actor.userId, version);
  if (!stored) throw notFound();
  return { ...presentVersion(stored, EMPTY_SAFETY_PLAN), crisisLines: await crisisLinesOf(organization) };
}

/** Another person's current safety plan: only through the `safety_plan` scope (or break-glass), and logged. */
export async function getSharedSafetyPlan({ db, actor, organization, subjectId }: Options & { subjectId: string }) {
  const access = await authorizeRecordRead(db, actor, subjectId, 'safety_plan');
  const stored = await latestVersion<SafetyPlanContent>(db, safetyPlanVersions, subjectId);
  return { ...presentVersion(stored, EMPTY_SAFETY_PLAN), crisisLines: await crisisLinesOf(organization), access: accessSummary(access) };
}
