import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { StatusBadge } from '../../../components/ui/status-badge.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { scopeKey } from '../../../lib/labels.ts';
import { useAccessLog } from '../api/access-log.ts';

/** "Who saw my data": every read of my record by someone else, newest first; break-glass reads stand out. */
export function AccessLogList() {
  const { t } = useTranslation();
  const log = useAccessLog();

  if (log.isPending) return <Loading />;
  if (log.isError) return <QueryError error={log.error} onRetry={() => void log.refetch()} />;

  const entries = log.data.pages.flatMap((page) => page.entries);
  if (entries.length === 0) return <p className="empty">{t('privacy.log.empty')}</p>;

  return (
    <div className="stack">
      <ul className="card-list">
        {entries.map((entry) => (
          <li key={entry.id} className={entry.breakGlass ? 'card log-entry log-entry-break-glass' : 'card log-entry'}>
            <p className="log-entry-line">
              {t('privacy.log.line', {
                alias: entry.actor.alias,
                scope: t(`scopes.${scopeKey(entry.scope)}.label`),
              })}
            </p>
            <p className="log-entry-meta">
              <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
            </p>
            {entry.breakGlass ? <StatusBadge tone="alert">{t('privacy.log.breakGlass')}</StatusBadge> : null}
            <p>
              <span className="muted">{t('privacy.log.why')} </span>
              {entry.purpose}
            </p>
          </li>
        ))}
      </ul>
      {log.hasNextPage ? (
        <Button variant="secondary" isPending={log.isFetchingNextPage} onPress={() => void log.fetchNextPage()}>
          {t('privacy.log.loadMore')}
        </Button>
      ) : null}
    </div>
  );
}
