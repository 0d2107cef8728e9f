import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NotificationList as List, Notification } from '../../../../shared/contracts/reminders.ts';
import { Button } from '../../../components/ui/button.tsx';
import { StatusBadge } from '../../../components/ui/status-badge.tsx';
import { useMarkAllNotificationsRead, useMarkNotificationRead } from '../api/reminders.ts';

/**
 * A notice's words in the page's language when it was stored as a key and parameters; a notice from
 * before keys keeps the words it was stored with.
 */
function useNoticeWords() {
  const { t, i18n } = useTranslation();
  const day = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeZone: 'UTC' });
  return (item: Notification): { title: string; body: string } => {
    if (!item.message) return { title: item.title, body: item.body };
    const { key, params } = item.message;
    const values = { ...params, ...(params.day ? { day: day.format(new Date(`${params.day}T00:00:00Z`)) } : {}) };
    const body = t(`notifications.notices.${key}.body`, values);
    return { title: t(`notifications.notices.${key}.title`, values), body: params.extra ? `${body}\n\n“${params.extra}”` : body };
  };
}

/** The notification centre: newest first; opening one marks it read. */
export function NotificationList({ list }: { list: List }) {
  const { t, i18n } = useTranslation();
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const wordsOf = useNoticeWords();

  if (list.notifications.length === 0) return <p className="empty">{t('notifications.empty')}</p>;
  return (
    <div className="stack">
      <p>{t('notifications.unread', { count: list.unread })}</p>
      {list.unread > 0 ? (
        <Button variant="secondary" isPending={markAll.isPending} onPress={() => markAll.mutate()}>
          {t('notifications.markAllRead')}
        </Button>
      ) : null}
      <ul className="stack" aria-label={t('notifications.title')}>
        {list.notifications.map((item) => {
          const words = wordsOf(item);
          return (
            <li key={item.id} className="card stack">
              <h2>
                {item.link ? (
                  <Link to={item.link} onClick={() => (item.readAt ? undefined : markRead.mutate(item.id))}>
                    {words.title}
                  </Link>
                ) : (
                  words.title
                )}
              </h2>
              {item.readAt ? null : (
                <p>
                  <StatusBadge tone="neutral">{t('notifications.new')}</StatusBadge>
                </p>
              )}
              <p className="pre-line">{words.body}</p>
              <p className="field-hint">
                <time dateTime={item.createdAt}>{when.format(new Date(item.createdAt))}</time>
              </p>
              {item.readAt ? null : (
                <Button variant="quiet" onPress={() => markRead.mutate(item.id)}>
                  {t('notifications.markRead')}
                </Button>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
