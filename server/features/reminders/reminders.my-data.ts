import { eq } from 'drizzle-orm';
import { reminderPreferences } from '../../db/schema/reminders.ts';
import { erasedRows, type PersonalData } from '../../lib/feature.ts';

/** Reminder choices in "my data": exported and erased. */
export const remindersMyData: PersonalData = {
  tables: [reminderPreferences],
  async export(tx, { id }) {
    const [row] = await tx.select().from(reminderPreferences).where(eq(reminderPreferences.userId, id));
    return {
      reminderPreferences: row
        ? {
            checkinTime: row.checkinTime,
            milestones: row.milestones,
            barcEveryDays: row.barcEveryDays,
            showReasons: row.showReasons,
            byEmail: row.byEmail,
            byPush: row.byPush,
            updatedAt: row.updatedAt.toISOString(),
          }
        : null,
    };
  },
  erase: async ({ tx, subject }) => [
    await erasedRows(
      'reminder preferences',
      tx.delete(reminderPreferences).where(eq(reminderPreferences.userId, subject.id)).returning({ id: reminderPreferences.userId }),
    ),
  ],
};
