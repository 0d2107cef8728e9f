import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading } from '../../../components/ui/loading.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useBreakGlassLog } from '../api/break-glass.ts';

/** Every emergency read of a member's record, with the written reason, for supervisors to review. */
export function BreakGlassLog({ personHref }: { personHref: (id: string) => string }) {
  const { t } = useTranslation();
  const log = useBreakGlassLog();
  if (log.isPending) return <Loading />;
  if (log.isError) return <QueryError error={log.error} onRetry={() => void log.refetch()} />;
  if (log.data.length === 0) return <p className="empty">{t('admin.breakGlass.empty')}</p>;
  return (
    <ul className="card-list">
      {log.data.map((entry) => (
        <li key={entry.id} className="card log-entry-break-glass">
          <h3>
            <Trans
              i18nKey="admin.breakGlass.line"
              values={{ actor: entry.actor.alias, subject: entry.subject.alias }}
              components={{ actor: <Link to={personHref(entry.actor.id)} />, subject: <Link to={personHref(entry.subject.id)} /> }}
            />
          </h3>
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
