import { asc, eq } from 'drizzle-orm';
import { checkins } from '../../db/schema/checkins.ts';
import { erasedRows, type PersonalData } from '../../lib/feature.ts';

/** Check-ins in "my data": every day's answers, exported as entered, erased with the account. */
export const checkinsMyData: PersonalData = {
  tables: [checkins],
  async export(tx, { id }) {
    const rows = await tx.select().from(checkins).where(eq(checkins.userId, id)).orderBy(asc(checkins.localDate));
    return {
      checkins: rows.map((c) => ({
        localDate: c.localDate,
        mood: c.mood,
        craving: c.craving,
        sleepHours: c.sleepHours === null ? null : Number(c.sleepHours),
        used: c.used,
        substances: c.substances,
        gratitude: c.gratitude,
        note: c.note,
        backfilled: c.backfilled,
        createdAt: c.createdAt.toISOString(),
        updatedAt: c.updatedAt.toISOString(),
      })),
    };
  },
  erase: async ({ tx, subject }) => [
    await erasedRows('check-ins', tx.delete(checkins).where(eq(checkins.userId, subject.id)).returning({ id: checkins.id })),
  ],
};
