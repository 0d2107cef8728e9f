import { asc, eq } from 'drizzle-orm';
import { notifications, pushSubscriptions } from '../../db/schema/notifications.ts';
import { isoOrNull } from '../../lib/dates.ts';
import { erasedRows, type PersonalData } from '../../lib/feature.ts';

/**
 * The notification centre in "my data": notices exported and erased. Push subscriptions (browser keys)
 * are credentials, not content: erased, never exported.
 */
export const notificationsMyData: PersonalData = {
  tables: [notifications, pushSubscriptions],
  async export(tx, { id }) {
    const rows = await tx.select().from(notifications).where(eq(notifications.userId, id)).orderBy(asc(notifications.createdAt));
    return {
      notifications: rows.map((n) => ({
        kind: n.kind,
        title: n.title,
        body: n.body,
        link: n.link,
        createdAt: n.createdAt.toISOString(),
        readAt: isoOrNull(n.readAt),
      })),
    };
  },
  erase: async ({ tx, subject }) => [
    await erasedRows(
      'notifications',
      tx.delete(notifications).where(eq(notifications.userId, subject.id)).returning({ id: notifications.id }),
    ),
    await erasedRows(
      'push subscriptions',
      tx.delete(pushSubscriptions).where(eq(pushSubscriptions.userId, subject.id)).returning({ id: pushSubscriptions.id }),
    ),
  ],
};
