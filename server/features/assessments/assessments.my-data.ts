import { asc, eq } from 'drizzle-orm';
import { assessments } from '../../db/schema/assessments.ts';
import { erasedRows, type PersonalData } from '../../lib/feature.ts';

/** BARC-10 results in "my data": every assessment's answers and total, exported and erased. */
export const assessmentsMyData: PersonalData = {
  tables: [assessments],
  async export(tx, { id }) {
    const rows = await tx.select().from(assessments).where(eq(assessments.userId, id)).orderBy(asc(assessments.takenAt));
    return {
      assessments: rows.map((a) => ({ instrument: a.instrument, answers: a.answers, total: a.total, takenAt: a.takenAt.toISOString() })),
    };
  },
  erase: async ({ tx, subject }) => [
    await erasedRows('assessments', tx.delete(assessments).where(eq(assessments.userId, subject.id)).returning({ id: assessments.id })),
  ],
};
