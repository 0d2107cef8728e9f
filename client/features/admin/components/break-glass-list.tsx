import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useBreakGlassLog } from '../api/logs.ts';

/** Every emergency read of a member's record, with the written reason, for supervisors to review. */
export function BreakGlassList() {
  const { t } = useTranslation();
  const log = useBreakGlassLog();
  if (log.isPending) return <Loading />;
  if (log.isError) return <QueryError error={log.error} onRetry={() => void log.refetch()} />;
  if (log.data.length === 0) return <p className="empty">{t('admin.breakGlass.empty')}</p>;
  return (
    <ul className="card-list">
      {log.data.map((entry) => (
        <li key={entry.id} className="card log-entry-break-glass">
          <h2 className="h3">{t('admin.breakGlass.line', { actor: entry.actor.alias, subject: entry.subject.alias })}</h2>
          <p className="muted">
            <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt)}</time>
            {' · '}
            {t('admin.breakGlass.until', { date: formatDateTime(entry.expiresAt) })}
          </p>
          <p>
            <span className="muted">{t('admin.breakGlass.reason')} </span>
            {entry.reason}
          </p>
        </li>
      ))}
    </ul>
  );
}
