import type { Db } from '../../db/client.ts';
import { notifications } from '../../db/schema/notifications.ts';

type Note = Pick<typeof notifications.$inferInsert, 'userId' | 'kind' | 'title' | 'body' | 'link'> & { dedupeKey: string };

/**
 * Adds an in-app notification once per `dedupeKey`: a retried request or a sweep run twice adds
 * nothing. True when this call added it (callers send the matching email only then).
 */
export async function notifyOnce(db: Db, note: Note): Promise<boolean> {
  const created = await db
    .insert(notifications)
    .values(note)
    .onConflictDoNothing({ target: notifications.dedupeKey })
    .returning({ id: notifications.id });
  return created.length > 0;
}
