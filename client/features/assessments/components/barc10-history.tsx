import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { BARC10_THRESHOLD, type barc10HistorySchema } from '../../../../shared/contracts/assessments.ts';
import { Loading } from '../../../components/ui/loading.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { SharedRecord } from '../../../components/ui/shared-record.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useBarc10History, useSharedBarc10History } from '../api/barc10.ts';
import { Barc10Chart, barc10Summary } from './barc10-chart.tsx';

type Results = z.infer<typeof barc10HistorySchema>['results'];

/** My own past totals. */
export function Barc10History() {
  const { t } = useTranslation();
  const history = useBarc10History();
  if (history.isPending) return <Loading />;
  if (history.isError) return <QueryError error={history.error} onRetry={() => void history.refetch()} />;
  if (history.data.results.length === 0) return <p className="empty">{t('barc10.historyEmpty')}</p>;
  return <Barc10HistoryView results={history.data.results} />;
}

/** Someone's past totals through their `assessments` grant (logged). */
export function SharedBarc10History({ personId, alias }: { personId: string; alias: string }) {
  const { t } = useTranslation();
  const history = useSharedBarc10History(personId);
  return (
    <SharedRecord query={history} alias={alias}>
      {(data) =>
        data.results.length === 0 ? (
          <p className="empty">{t('personView.barc10.none', { alias })}</p>
        ) : (
          <Barc10HistoryView results={data.results} />
        )
      }
    </SharedRecord>
  );
}

/** Past totals, newest first from the server: a chart with its summary in words, and the same numbers as a table. */
function Barc10HistoryView({ results }: { results: Results }) {
  const { t } = useTranslation();
  // The chart and table read oldest to newest.
  const points = useMemo(() => [...results].reverse(), [results]);

  return (
    <div className="stack">
      <figure className="card chart-figure" aria-label={t('barc10.chartLabel')}>
        <Barc10Chart points={points} />
        <figcaption className="chart-summary">{barc10Summary(points, t)}</figcaption>
      </figure>
      <details className="disclosure">
        <summary>{t('barc10.table')}</summary>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('barc10.tableDate')}</th>
              <th scope="col">{t('barc10.tableTotal')}</th>
              <th scope="col">{t('barc10.tableMarker')}</th>
            </tr>
          </thead>
          <tbody>
            {[...points].reverse().map((point) => (
              <tr key={point.id}>
                <td>
                  <time dateTime={point.takenAt}>{formatDate(point.takenAt)}</time>
                </td>
                <td>{point.total}</td>
                <td>{point.total >= BARC10_THRESHOLD ? t('barc10.yes') : t('barc10.no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
