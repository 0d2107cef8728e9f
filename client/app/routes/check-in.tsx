import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../components/ui/button.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { PageHeading } from '../../components/ui/page-heading.tsx';
import { QueryError } from '../../components/ui/query-error.tsx';
import { useRecentCheckins, useTrends } from '../../features/checkins/api/checkins.ts';
import { DailyCheckin } from '../../features/checkins/components/daily-checkin.tsx';
import { StreakSummary } from '../../features/checkins/components/streak-summary.tsx';
import { ReasonsList } from '../../features/reasons/components/reasons-list.tsx';
import { paths } from '../paths.ts';

/** After a hard check-in: kind words, the member's own reasons, and the safety plan one tap away. */
function HardMomentSupport({ back }: { back: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <p>{t('checkin.support.body')}</p>
      <Link to={paths.safetyPlan} className="btn btn-primary support-link">
        {t('checkin.support.safetyPlan')}
      </Link>
      <section className="card stack" aria-labelledby="support-reasons">
        <h3 id="support-reasons">{t('checkin.support.reasonsTitle')}</h3>
        <ReasonsList editHref={paths.reasons} />
      </section>
      <p>{t('checkin.support.reachOut')}</p>
      <Button variant="secondary" onPress={back}>
        {t('checkin.support.back')}
      </Button>
    </>
  );
}

export function CheckInPage() {
  const { t } = useTranslation();
  const recent = useRecentCheckins();
  const trends = useTrends('7');
  return (
    <div className="stack">
      <PageHeading title={t('checkin.title')} lead={t('checkin.lead')} />
      {trends.isSuccess ? (
        <section className="stack" aria-labelledby="checkin-streak">
          <h2 id="checkin-streak" className="visually-hidden">
            {t('trends.streakLabel')}
          </h2>
          <StreakSummary trends={trends.data} />
          <Link to={paths.trends} className="title-link">
            {t('checkin.seeTrends')}
          </Link>
        </section>
      ) : null}
      {recent.isPending ? <Loading /> : null}
      {recent.isError ? <QueryError error={recent.error} onRetry={() => void recent.refetch()} /> : null}
      {recent.isSuccess ? (
        <DailyCheckin recent={recent.data} renderSupport={(_checkin, back) => <HardMomentSupport back={back} />} />
      ) : null}
    </div>
  );
}
