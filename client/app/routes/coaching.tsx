import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading } from '../../components/ui/loading.tsx';
import { PageHeading } from '../../components/ui/page-heading.tsx';
import { PageSection } from '../../components/ui/page-section.tsx';
import { QueryError } from '../../components/ui/query-error.tsx';
import { useCoachList, useMyCoaching } from '../../features/coaching/api/coaching.ts';
import { AskForCoachForm } from '../../features/coaching/components/ask-for-coach-form.tsx';
import { MyCoachingCurrent, PastCoaching } from '../../features/coaching/components/my-coaching.tsx';
import { paths } from '../../lib/paths.ts';
import { MessageButton } from './message-button.tsx';

/** Peer coaching for a member: what it is, asking for a coach, answering a proposal, my coach. */
export function CoachingPage() {
  const { t } = useTranslation();
  const mine = useMyCoaching();
  const coaches = useCoachList();
  return (
    <div className="stack-lg">
      <PageHeading title={t('coaching.title')} lead={t('coaching.lead')} />
      {mine.isPending ? <Loading /> : null}
      {mine.isError ? <QueryError error={mine.error} onRetry={() => void mine.refetch()} /> : null}
      {mine.data?.current ? (
        <PageSection id="coaching-current" title={t('coaching.current.section')}>
          <MyCoachingCurrent
            relationship={mine.data.current}
            links={(relationship) => (
              <>
                <Link to={paths.coachingRelationship.to(relationship.id)} className="btn btn-primary">
                  {t('coaching.current.sessions')}
                </Link>
                {relationship.coach ? (
                  <MessageButton kind="coaching" person={relationship.coach.id} label={t('coaching.current.message')} />
                ) : null}
              </>
            )}
          />
        </PageSection>
      ) : null}
      {mine.data && !mine.data.current ? (
        <>
          <PageSection id="coaching-how" title={t('coaching.how.title')}>
            <ol className="plain-points">
              <li>{t('coaching.how.ask')}</li>
              <li>{t('coaching.how.match')}</li>
              <li>{t('coaching.how.decide')}</li>
            </ol>
          </PageSection>
          <PageSection id="coaching-ask" title={t('coaching.ask.title')} lead={t('coaching.ask.lead')}>
            <div className="card">{coaches.isPending ? <Loading /> : <AskForCoachForm coaches={coaches.data ?? []} />}</div>
          </PageSection>
        </>
      ) : null}
      {mine.data && mine.data.past.length > 0 ? (
        <PageSection id="coaching-past" title={t('coaching.history.past')}>
          <PastCoaching list={mine.data.past} />
        </PageSection>
      ) : null}
    </div>
  );
}
