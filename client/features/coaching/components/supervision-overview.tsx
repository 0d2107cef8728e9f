import { useTranslation } from 'react-i18next';
import type { Supervision } from '../../../../shared/contracts/coaching.ts';
import { PageSection } from '../../../components/ui/page-section.tsx';
import { TableSection } from '../../../components/ui/table-section.tsx';
import { formatDate } from '../../../lib/format.ts';

/** Caseload sizes, sessions per week, notes to sign off; who waits and for how long. */
export function SupervisionOverview({ data }: { data: Supervision }) {
  const { t } = useTranslation();
  const { totals } = data;
  const figures = [
    ['coaches', totals.coaches],
    ['seats', `${totals.seatsTaken} / ${totals.maxCaseload}`],
    ['active', totals.active],
    ['paused', totals.paused],
    ['waiting', totals.unassigned],
    ['longestWait', totals.longestWaitDays],
    ['sessions', totals.sessionsLastWeeks],
    ['notes', totals.notesAwaitingSignOff],
  ] as const;
  return (
    <>
      <PageSection id="supervision-totals" title={t('supervision.totals.title')}>
        <dl className="figure-grid">
          {figures.map(([key, value]) => (
            <div key={key} className="figure">
              <dt>{t(`supervision.totals.${key}`)}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </PageSection>
      <TableSection
        id="supervision-caseloads"
        title={t('supervision.coaches.title')}
        empty={t('supervision.coaches.none')}
        columns={(['coach', 'seats', 'active', 'paused', 'proposed', 'perWeek', 'weeks', 'notes'] as const).map((key) =>
          t(`supervision.coaches.${key}`),
        )}
        rows={data.coaches}
        rowKey={(row) => row.coach.id}
        cells={(row) => (
          <>
            <th scope="row">
              {row.coach.alias}
              {row.accepting ? null : <span className="muted"> ({t('supervision.coaches.notAccepting')})</span>}
            </th>
            <td>
              {row.seatsTaken} / {row.maxCaseload}
            </td>
            <td>{row.active}</td>
            <td>{row.paused}</td>
            <td>{row.proposed}</td>
            <td>{row.sessionsPerWeek}</td>
            <td>{row.sessionsByWeek.join(' · ')}</td>
            <td>{row.notesAwaitingSignOff}</td>
          </>
        )}
      />
      <TableSection
        id="supervision-waiting"
        title={t('supervision.unassigned.title')}
        empty={t('supervision.unassigned.none')}
        columns={(['member', 'since', 'days'] as const).map((key) => t(`supervision.unassigned.${key}`))}
        rows={data.unassigned}
        rowKey={(row) => row.requestId}
        cells={(row) => (
          <>
            <th scope="row">{row.member.alias}</th>
            <td>{formatDate(row.requestedAt)}</td>
            <td>{row.waitingDays}</td>
          </>
        )}
      />
    </>
  );
}
