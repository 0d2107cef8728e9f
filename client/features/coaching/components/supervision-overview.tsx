import { useTranslation } from 'react-i18next';
import type { Supervision } from '../../../../shared/contracts/coaching.ts';
import { PageSection } from '../../../components/ui/page-section.tsx';
import { TableWrap } from '../../../components/ui/table-wrap.tsx';
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
      <PageSection id="supervision-caseloads" title={t('supervision.coaches.title')}>
        {data.coaches.length === 0 ? (
          <p className="muted">{t('supervision.coaches.none')}</p>
        ) : (
          <TableWrap labelledBy="supervision-caseloads">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('supervision.coaches.coach')}</th>
                  <th scope="col">{t('supervision.coaches.seats')}</th>
                  <th scope="col">{t('supervision.coaches.active')}</th>
                  <th scope="col">{t('supervision.coaches.paused')}</th>
                  <th scope="col">{t('supervision.coaches.proposed')}</th>
                  <th scope="col">{t('supervision.coaches.perWeek')}</th>
                  <th scope="col">{t('supervision.coaches.weeks')}</th>
                  <th scope="col">{t('supervision.coaches.notes')}</th>
                </tr>
              </thead>
              <tbody>
                {data.coaches.map((row) => (
                  <tr key={row.coach.id}>
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
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </PageSection>
      <PageSection id="supervision-waiting" title={t('supervision.unassigned.title')}>
        {data.unassigned.length === 0 ? (
          <p className="muted">{t('supervision.unassigned.none')}</p>
        ) : (
          <TableWrap labelledBy="supervision-waiting">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('supervision.unassigned.member')}</th>
                  <th scope="col">{t('supervision.unassigned.since')}</th>
                  <th scope="col">{t('supervision.unassigned.days')}</th>
                </tr>
              </thead>
              <tbody>
                {data.unassigned.map((row) => (
                  <tr key={row.requestId}>
                    <th scope="row">{row.member.alias}</th>
                    <td>{formatDate(row.requestedAt)}</td>
                    <td>{row.waitingDays}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </PageSection>
    </>
  );
}
