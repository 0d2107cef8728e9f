import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import {
  NOTICE_KEYS,
  type NoticeKey,
  type Notification,
  type NotificationList,
  REMINDER_LIMITS,
} from '../../../shared/contracts/reminders.ts';
import type { Db } from '../../db/client.ts';
import { notifications } from '../../db/schema/notifications.ts';
import { notFound } from '../../lib/app-error.ts';
import { iso, isoOrNull } from '../../lib/dates.ts';
import type { Own } from '../../plugins/session.ts';

/**
 * The notification centre: a person's in-app notices, newest first, and marking them read. Notices
 * are added by the features that announce something, through notifyOnce (notifications.notify.ts).
 */

type NotificationRow = typeof notifications.$inferSelect;

function present(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind as Notification['kind'],
    title: row.title,
    body: row.body,
    link: row.link,
    message:
      row.messageKey && (NOTICE_KEYS as readonly string[]).includes(row.messageKey)
        ? { key: row.messageKey as NoticeKey, params: row.messageParams ?? {} }
        : null,
    createdAt: iso(row.createdAt),
    readAt: isoOrNull(row.readAt),
  };
}

async function unreadOf(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

export async function listNotifications({ db, actor }: Own): Promise<NotificationList> {
  const rows = await db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, actor.userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(REMINDER_LIMITS.notificationsPage);
  return { notifications: rows.map(present), unread: await unreadOf(db, actor.userId) };
}

/** Marks one of my notifications read (again is fine); someone else's is "not found". */
export async function markNotificationRead({ db, actor, id }: Own & { id: string }) {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, actor.userId)))
    .returning({ id: notifications.id });
  if (!row) throw notFound('Notification not found');
  return { unread: await unreadOf(db, actor.userId) };
}

export async function markAllNotificationsRead({ db, actor }: Own) {
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)));
  return { unread: 0 };
}

/** Marks read a person's unread notices of one kind that lead to `link` (what they just opened). */
export async function markNoticesRead(db: Db, { userId, kind, link }: { userId: string; kind: string; link: string }) {
  await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind), eq(notifications.link, link), isNull(notifications.readAt)));
}

/** Whether the person has an unread notice leading to `link` (of any kind). */
export async function hasUnreadNotice(db: Db, { userId, link }: { userId: string; link: string }): Promise<boolean> {
  const [pending] = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.link, link), isNull(notifications.readAt)))
    .limit(1);
  return pending !== undefined;
}
