import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { CountBadge, nameWithCount } from '../../../components/ui/count-badge.tsx';
import { useNotifications } from '../api/reminders.ts';

/** The header's way to the notification centre, with the unread count in its name. */
export function NotificationBell({ href }: { href: string }) {
  const { t } = useTranslation();
  const notifications = useNotifications();
  const unread = notifications.data?.unread ?? 0;
  const name = nameWithCount(t('notifications.title'), unread, (count) => t('notifications.unread', { count }));
  return (
    <NavLink to={href} className="btn btn-quiet notification-bell" aria-label={name}>
      <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      <CountBadge count={unread} />
    </NavLink>
  );
}
