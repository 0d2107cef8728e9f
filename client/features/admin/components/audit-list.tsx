import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useAuditLog } from '../api/logs.ts';

function detailText(detail: Record<string, unknown>): string | null {
  const entries = Object.entries(detail);
  if (entries.length === 0) return null;
  return entries.map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`).join('\n');
}

export function AuditList() {
  const { t } = useTranslation();
  const audit = useAuditLog();
  if (audit.isPending) return <Loading />;
  if (audit.isError) return <QueryError error={audit.error} onRetry={() => void audit.refetch()} />;
  if (audit.data.length === 0) return <p className="empty">{t('admin.audit.empty')}</p>;
  return (
    <ul className="card-list">
      {audit.data.map((event) => {
        const detail = detailText(event.detail);
        return (
          <li key={event.id} className="card">
            <h2 className="h3 mono">{event.event}</h2>
            <p className="muted">
              <time dateTime={event.at}>{formatDateTime(event.at)}</time>
            </p>
            <dl className="details">
              <div>
                <dt>{t('admin.audit.actor')}</dt>
                <dd>{event.actor?.alias ?? t('admin.audit.system')}</dd>
              </div>
              {event.subject ? (
                <div>
                  <dt>{t('admin.audit.subject')}</dt>
                  <dd>{event.subject.alias}</dd>
                </div>
              ) : null}
            </dl>
            {detail ? <pre className="message-text">{detail}</pre> : null}
          </li>
        );
      })}
    </ul>
  );
}
