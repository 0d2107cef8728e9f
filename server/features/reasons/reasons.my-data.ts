import { asc, eq } from 'drizzle-orm';
import { reasons } from '../../db/schema/reasons.ts';
import { erasedRows, type PersonalData } from '../../lib/feature.ts';

/** "My reasons" in "my data": the ordered list, exported and erased. */
export const reasonsMyData: PersonalData = {
  tables: [reasons],
  async export(tx, { id }) {
    const rows = await tx.select().from(reasons).where(eq(reasons.userId, id)).orderBy(asc(reasons.position));
    return { reasons: rows.map((r) => ({ text: r.text, position: r.position, createdAt: r.createdAt.toISOString() })) };
  },
  erase: async ({ tx, subject }) => [
    await erasedRows('reasons', tx.delete(reasons).where(eq(reasons.userId, subject.id)).returning({ id: reasons.id })),
  ],
};
