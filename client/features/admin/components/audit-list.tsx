import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { formatDateTime, formatList } from '../../../lib/format.ts';
import { type AuditFilter, useAuditLog } from '../api/logs.ts';
import { auditDetailLines, auditEventLabel, auditKindOptions } from './audit-words.ts';

/** A day typed in a date input, as the instant its local midnight is (the admin reads the log in their own days). */
function startOfLocalDay(day: string, plusDays = 0): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + plusDays).toISOString();
}

/** What to look for: what happened, and from which day to which day (both included). */
function AuditFilterForm({ onApply }: { onApply: (filter: AuditFilter) => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  return (
    <form
      className="form"
      aria-label={t('admin.audit.filterTitle')}
      onSubmit={(event) => {
        event.preventDefault();
        onApply({
          ...(kind ? { kind } : {}),
          ...(from ? { from: startOfLocalDay(from) } : {}),
          ...(to ? { to: startOfLocalDay(to, 1) } : {}),
        });
      }}
    >
      <SelectField name="kind" label={t('admin.audit.kind')} options={auditKindOptions(t)} value={kind} onChange={setKind} />
      <TextField name="from" type="date" label={t('admin.audit.from')} value={from} onChange={setFrom} />
      <TextField name="to" type="date" label={t('admin.audit.to')} value={to} onChange={setTo} />
      <div className="button-row">
        <Button type="submit">{t('admin.audit.apply')}</Button>
        <Button
          variant="secondary"
          onPress={() => {
            setKind('');
            setFrom('');
            setTo('');
            onApply({});
          }}
        >
          {t('admin.audit.clear')}
        </Button>
      </div>
    </form>
  );
}

/** Security events in plain words, newest first, filtered on the server, a page at a time. */
export function AuditList() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<AuditFilter>({});
  const audit = useAuditLog(filter);
  const events = audit.data?.pages.flatMap((page) => page.events) ?? [];
  const filtered = Object.keys(filter).length > 0;
  return (
    <div className="stack">
      <AuditFilterForm onApply={setFilter} />
      {audit.isPending ? <Loading /> : null}
      {audit.isError ? <QueryError error={audit.error} onRetry={() => void audit.refetch()} /> : null}
      {audit.isSuccess && events.length === 0 ? (
        <p className="empty">{filtered ? t('admin.audit.noMatch') : t('admin.audit.empty')}</p>
      ) : null}
      {events.length > 0 ? (
        <ul className="card-list" aria-live="polite">
          {events.map((event) => {
            const lines = auditDetailLines(event.detail, t, formatList);
            return (
              <li key={event.id} className="card">
                <h2 className="h3">{auditEventLabel(event.event, t)}</h2>
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
                  {lines.map((line) => (
                    <div key={line.label}>
                      <dt>{line.label}</dt>
                      <dd>{line.value}</dd>
                    </div>
                  ))}
                </dl>
              </li>
            );
          })}
        </ul>
      ) : null}
      {audit.hasNextPage ? (
        <div className="button-row">
          <Button variant="secondary" isPending={audit.isFetchingNextPage} onPress={() => void audit.fetchNextPage()}>
            {t('admin.audit.more')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
