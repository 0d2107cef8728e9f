import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NotificationList as List } from '../../../../shared/contracts/reminders.ts';
import { Button } from '../../../components/ui/button.tsx';
import { StatusBadge } from '../../../components/ui/status-badge.tsx';
import { useMarkAllNotificationsRead, useMarkNotificationRead } from '../api/reminders.ts';

/** The notification centre: newest first; opening one marks it read. */
export function NotificationList({ list }: { list: List }) {
  const { t, i18n } = useTranslation();
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

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
        {list.notifications.map((item) => (
          <li key={item.id} className="card stack">
            <h2>
              {item.link ? (
                <Link to={item.link} onClick={() => (item.readAt ? undefined : markRead.mutate(item.id))}>
                  {item.title}
                </Link>
              ) : (
                item.title
              )}
            </h2>
            {item.readAt ? null : (
              <p>
                <StatusBadge tone="neutral">{t('notifications.new')}</StatusBadge>
              </p>
            )}
            <p>{item.body}</p>
            <p className="field-hint">
              <time dateTime={item.createdAt}>{when.format(new Date(item.createdAt))}</time>
            </p>
            {item.readAt ? null : (
              <Button variant="quiet" onPress={() => markRead.mutate(item.id)}>
                {t('notifications.markRead')}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
