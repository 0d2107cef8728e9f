import { asc, eq } from 'drizzle-orm';
import { recoveryPlanVersions, safetyPlanVersions } from '../../db/schema/plans.ts';
import { erasedRows, type PersonalData } from '../../lib/feature.ts';

/** Recovery and safety plans in "my data": every version of each, exported and erased. */
const toVersion = (row: { version: number; content: Record<string, unknown>; createdAt: Date }) => ({
  version: row.version,
  content: row.content,
  createdAt: row.createdAt.toISOString(),
});

export const plansMyData: PersonalData = {
  tables: [recoveryPlanVersions, safetyPlanVersions],
  async export(tx, { id }) {
    const plan = await tx
      .select()
      .from(recoveryPlanVersions)
      .where(eq(recoveryPlanVersions.userId, id))
      .orderBy(asc(recoveryPlanVersions.version));
    const safety = await tx
      .select()
      .from(safetyPlanVersions)
      .where(eq(safetyPlanVersions.userId, id))
      .orderBy(asc(safetyPlanVersions.version));
    return { recoveryPlan: plan.map(toVersion), safetyPlan: safety.map(toVersion) };
  },
  erase: async ({ tx, subject }) => [
    await erasedRows(
      'recovery plan versions',
      tx.delete(recoveryPlanVersions).where(eq(recoveryPlanVersions.userId, subject.id)).returning({ id: recoveryPlanVersions.id }),
    ),
    await erasedRows(
      'safety plan versions',
      tx.delete(safetyPlanVersions).where(eq(safetyPlanVersions.userId, subject.id)).returning({ id: safetyPlanVersions.id }),
    ),
  ],
};
