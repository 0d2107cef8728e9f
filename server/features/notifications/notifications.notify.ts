import { inArray } from 'drizzle-orm';
import type { NoticeMessage } from '../../../shared/contracts/reminders.ts';
import type { Db } from '../../db/client.ts';
import { notifications } from '../../db/schema/notifications.ts';

/**
 * One in-app notice: who, what kind, the words (in the recipient's language, for email and push), where
 * it leads, the key that makes it once, and optionally the same notice as a key and parameters so the
 * notification centre words it in the reader's page language.
 */
export type Notice = Pick<typeof notifications.$inferInsert, 'userId' | 'kind' | 'title' | 'body' | 'link'> & {
  dedupeKey: string;
  message?: NoticeMessage;
};

/**
 * Adds an in-app notification once per `dedupeKey`: a retried request or a sweep run twice adds
 * nothing. True when this call added it: callers send the matching email (or push) only then, so
 * "once" is decided by the unique dedupe key in the database for every channel. Pass the caller's
 * transaction as `db` when the notice must exist exactly when the change it announces does.
 */
export async function notifyOnce(db: Db, note: Notice): Promise<boolean> {
  const created = await db
    .insert(notifications)
    .values({
      userId: note.userId,
      kind: note.kind,
      title: note.title,
      body: note.body,
      link: note.link,
      dedupeKey: note.dedupeKey,
      messageKey: note.message?.key ?? null,
      messageParams: note.message?.params ?? null,
    })
    .onConflictDoNothing({ target: notifications.dedupeKey })
    .returning({ id: notifications.id });
  return created.length > 0;
}

/**
 * Which of `keys` were already used. A sweep skips those without an INSERT (most candidates on most
 * minutes); notifyOnce still decides for the rest, so a concurrent sweep sends nothing twice.
 */
export async function usedDedupeKeys(db: Db, keys: readonly string[]): Promise<Set<string>> {
  const used = new Set<string>();
  for (let i = 0; i < keys.length; i += 1000) {
    const rows = await db
      .select({ key: notifications.dedupeKey })
      .from(notifications)
      .where(inArray(notifications.dedupeKey, keys.slice(i, i + 1000)));
    for (const row of rows) used.add(row.key);
  }
  return used;
}
