import { EMPTY_PLAN, type Plan, type PlanContent } from '../../../shared/contracts/plans.ts';
import { LIMITS } from '../../../shared/limits.ts';
import type { Db } from '../../db/client.ts';
import { recoveryPlanVersions } from '../../db/schema/plans.ts';
import { notFound } from '../../lib/app-error.ts';
import type { Actor, Own } from '../../plugins/session.ts';
import { accessSummary, authorizeRecordRead } from '../consent/consent.public.ts';
import { meetingGoalProgress } from '../my-meetings/my-meetings.public.ts';
import { type RECOVERY_PLAN_SECTIONS, summarizeChanges } from './changes.ts';
import { latestVersion, type StoredVersion, saveVersion, type VersionTable, versionNumbered, versionPage } from './versions.ts';

function present<T>(stored: StoredVersion<T> | null, empty: T) {
  return stored
    ? { version: stored.version, createdAt: stored.createdAt.toISOString(), content: stored.content }
    : { version: 0, createdAt: null, content: empty };
}

/** The current plan with this week's progress on goals that count meetings (left out when no goal does). */
async function withMeetingProgress(db: Db, personId: string, plan: Plan): Promise<Plan> {
  const progress = await meetingGoalProgress(db, personId, plan.content.goals);
  return progress.length > 0 ? { ...plan, meetingProgress: progress } : plan;
}

export async function getOwnPlan({ db, actor }: { db: Db; actor: Actor }): Promise<Plan> {
  return withMeetingProgress(
    db,
    actor.userId,
    present(await latestVersion<PlanContent>(db, recoveryPlanVersions, actor.userId), EMPTY_PLAN),
  );
}

export async function saveOwnPlan({
  db,
  actor,
  content,
  baseVersion,
}: Own & {
  content: PlanContent;
  baseVersion: number;
}) {
  return withMeetingProgress(
    db,
    actor.userId,
    present(await saveVersion(db, recoveryPlanVersions, actor.userId, baseVersion, content), EMPTY_PLAN),
  );
}

/** The history of a versioned plan, newest first, each version with what it changed from the one before. */
export async function listVersions({
  db,
  table,
  userId,
  before,
  sections,
}: {
  db: Db;
  table: VersionTable;
  userId: string;
  before?: number;
  sections: typeof RECOVERY_PLAN_SECTIONS;
}) {
  const rows = await versionPage<Record<string, unknown>>(db, table, userId, LIMITS.pageSize, before);
  const page = rows.slice(0, LIMITS.pageSize);
  const versions = page.map((row, i) => {
    // Rows are consecutive numbers; the one before the last of the page was fetched as the extra row.
    const previous = rows[i + 1] ?? null;
    const { summary, changes } = summarizeChanges(sections, previous?.content ?? null, row.content);
    return { version: row.version, createdAt: row.createdAt.toISOString(), summary, changes };
  });
  const last = page.at(-1);
  return { versions, nextBefore: rows.length > LIMITS.pageSize && last ? last.version : null };
}

export async function getOwnPlanVersion({ db, actor, version }: { db: Db; actor: Actor; version: number }): Promise<Plan> {
  const stored = await versionNumbered<PlanContent>(db, recoveryPlanVersions, actor.userId, version);
  if (!stored) throw notFound();
  return present(stored, EMPTY_PLAN);
}

/** Another person's current recovery plan: only through the `plan` scope (or break-glass), and logged. */
export async function getSharedPlan({ db, actor, subjectId }: { db: Db; actor: Actor; subjectId: string }) {
  const access = await authorizeRecordRead(db, actor, subjectId, 'plan');
  const plan = await withMeetingProgress(
    db,
    subjectId,
    present(await latestVersion<PlanContent>(db, recoveryPlanVersions, subjectId), EMPTY_PLAN),
  );
  return { ...plan, access: accessSummary(access) };
}

export { present as presentVersion };
