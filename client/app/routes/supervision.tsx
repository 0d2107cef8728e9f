import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading } from '../../components/ui/loading.tsx';
import { PageHeading } from '../../components/ui/page-heading.tsx';
import { QueryError } from '../../components/ui/query-error.tsx';
import { useMatchingBoard, useSupervision } from '../../features/coaching/api/coaching.ts';
import { SuggestAndApprove, WaitingAndCoaches } from '../../features/coaching/components/matching-board.tsx';
import { SupervisionOverview } from '../../features/coaching/components/supervision-overview.tsx';
import { paths } from '../../lib/paths.ts';

/** Supervisors: the overview of caseloads, waiting people, sessions and notes. */
export function SupervisionPage() {
  const { t } = useTranslation();
  const overview = useSupervision();
  const notes = overview.data?.totals.notesAwaitingSignOff ?? 0;
  const waiting = overview.data?.totals.unassigned ?? 0;
  return (
    <div className="stack-lg">
      <PageHeading title={t('supervision.title')} lead={t('supervision.lead')} />
      <ul className="link-list">
        <li>
          <Link to={paths.supervisionMatching} className="link-row">
            <span className="link-row-title">{t('supervision.matchingLink')}</span>
            {waiting ? <span className="muted">{t('supervision.peopleWaiting', { count: waiting })}</span> : null}
          </Link>
        </li>
        <li>
          <Link to={paths.supervisionNotes} className="link-row">
            <span className="link-row-title">{t('supervision.notesLink')}</span>
            {notes ? <span className="badge badge-warn">{t('supervision.notesWaiting', { count: notes })}</span> : null}
          </Link>
        </li>
      </ul>
      {overview.isPending ? <Loading /> : null}
      {overview.isError ? <QueryError error={overview.error} onRetry={() => void overview.refetch()} /> : null}
      {overview.data ? <SupervisionOverview data={overview.data} /> : null}
    </div>
  );
}

/** Supervisors: who waits, who has room, suggested matches to check, edit and approve. */
export function SupervisionMatchingPage() {
  const { t } = useTranslation();
  const board = useMatchingBoard();
  return (
    <div className="stack-lg">
      <PageHeading title={t('matching.title')} lead={t('matching.lead')} />
      {board.isPending ? <Loading /> : null}
      {board.isError ? <QueryError error={board.error} onRetry={() => void board.refetch()} /> : null}
      {board.data ? (
        <>
          <SuggestAndApprove board={board.data} />
          <WaitingAndCoaches board={board.data} />
        </>
      ) : null}
    </div>
  );
}
