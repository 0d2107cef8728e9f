import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CHECKIN_LIMITS } from '../../../shared/contracts/checkins.ts';
import { Button } from '../../components/ui/button.tsx';
import { FormAlert } from '../../components/ui/form-alert.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { PageHeading } from '../../components/ui/page-heading.tsx';
import { QueryError } from '../../components/ui/query-error.tsx';
import { type RecentCheckins, useRecentCheckins, useTrends } from '../../features/checkins/api/checkins.ts';
import { DailyCheckin } from '../../features/checkins/components/daily-checkin.tsx';
import { StreakSummary } from '../../features/checkins/components/streak-summary.tsx';
import { ReasonsList } from '../../features/reasons/components/reasons-list.tsx';
import { CopingList } from '../../features/recovery-plan/components/coping-list.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { addDays, formatDay } from '../../lib/local-day.ts';
import { droppedWrites, forgetDropped } from '../../lib/offline-queue.ts';
import { flushOutbox, usePendingWrites } from '../../lib/offline-sync.ts';
import { paths } from '../../lib/paths.ts';

/** Today as YYYY-MM-DD in a time zone (the member's, when known; otherwise this device's). */
function localToday(timeZone?: string): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  } catch {
    return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  }
}

/**
 * Offline with nothing loaded yet, the server cannot say which day it is: the member's profile time zone (if this
 * visit loaded it) or the device's date stands in, with no earlier check-ins known. The server still checks the day.
 */
function useOfflineRecent(active: boolean): RecentCheckins | null {
  const queryClient = useQueryClient();
  return useMemo(() => {
    if (!active) return null;
    const timeZone = queryClient.getQueryData<{ timezone?: string }>(['me', 'profile'])?.timezone;
    const today = localToday(timeZone);
    return { today, earliest: addDays(today, -CHECKIN_LIMITS.backfillDays), byDate: new Map() };
  }, [active, queryClient]);
}

/** Check-ins made offline and waiting, and any the server refused when they were sent. */
function OutboxStatus() {
  const { t, i18n } = useTranslation();
  const waiting = usePendingWrites();
  const dropped = droppedWrites();
  return (
    <>
      {waiting > 0 ? (
        <p className="field-hint pending-writes" role="status">
          {t('checkin.pending', { count: waiting })}
        </p>
      ) : null}
      {dropped.map((item) => (
        <FormAlert key={item.write.id}>
          {t('checkin.dropped', {
            day: formatDay(decodeURIComponent(item.write.url.split('/').pop() ?? ''), i18n.language),
            reason: i18n.exists(`apiErrors.${item.code}`)
              ? t(`apiErrors.${item.code}` as 'apiErrors.INTERNAL')
              : t('apiErrors.BAD_REQUEST'),
          })}
        </FormAlert>
      ))}
    </>
  );
}

/** After a hard check-in: kind words, the member's own reasons and coping strategies, and the safety plan one tap away. */
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
      <section className="card stack" aria-labelledby="support-coping">
        <h3 id="support-coping">{t('recoveryPlan.copingReadBack.title')}</h3>
        <CopingList editHref={paths.recoveryPlan} />
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
  const queryClient = useQueryClient();
  const recent = useRecentCheckins();
  const trends = useTrends('7');
  const offlineNoData =
    !recent.data && ((recent.isPending && recent.fetchStatus === 'paused') || (isApiError(recent.error) && recent.error.status === 0));
  // Once the form stands on the phone's date, it stays (with what the person did there) until the server's answer comes.
  const [usedFallback, setUsedFallback] = useState(false);
  if (offlineNoData && !usedFallback) setUsedFallback(true);
  const fallback = useOfflineRecent(!recent.data && (offlineNoData || usedFallback));
  const data = recent.data ?? fallback;

  // Opening the page sends what waits on this phone; refused ones are shown once, on this visit.
  useEffect(() => {
    void flushOutbox(queryClient);
    return forgetDropped;
  }, [queryClient]);

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
      <OutboxStatus />
      {!data && recent.isPending ? <Loading /> : null}
      {!data && recent.isError ? <QueryError error={recent.error} onRetry={() => void recent.refetch()} /> : null}
      {fallback && !recent.data ? <p className="field-hint">{t('checkin.offlineDay')}</p> : null}
      {data ? <DailyCheckin recent={data} renderSupport={(back) => <HardMomentSupport back={back} />} /> : null}
    </div>
  );
}
