import { asc, eq } from 'drizzle-orm';
import { sosEvents } from '../../db/schema/sos.ts';
import { erasedRows, type PersonalData } from '../../lib/feature.ts';

/** SOS presses in "my data": when each was pressed, exported and erased. */
export const sosMyData: PersonalData = {
  tables: [sosEvents],
  async export(tx, { id }) {
    const rows = await tx.select().from(sosEvents).where(eq(sosEvents.userId, id)).orderBy(asc(sosEvents.createdAt));
    return { sosPresses: rows.map((row) => ({ at: row.createdAt.toISOString() })) };
  },
  erase: async ({ tx, subject }) => [
    await erasedRows('SOS presses', tx.delete(sosEvents).where(eq(sosEvents.userId, subject.id)).returning({ id: sosEvents.id })),
  ],
};
