import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/ui/loading.tsx';
import { PageHeading } from '../../components/ui/page-heading.tsx';
import { QueryError } from '../../components/ui/query-error.tsx';
import { useNotifications } from '../../features/reminders/api/reminders.ts';
import { NotificationList } from '../../features/reminders/components/notification-list.tsx';

export function NotificationsPage() {
  const { t } = useTranslation();
  const notifications = useNotifications();
  return (
    <div className="stack">
      <PageHeading title={t('notifications.title')} lead={t('notifications.lead')} />
      {notifications.isPending ? <Loading /> : null}
      {notifications.isError ? <QueryError error={notifications.error} onRetry={() => void notifications.refetch()} /> : null}
      {notifications.isSuccess ? <NotificationList list={notifications.data} /> : null}
    </div>
  );
}
