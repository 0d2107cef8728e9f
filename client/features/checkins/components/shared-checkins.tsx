import { useTranslation } from 'react-i18next';
import type { Checkin } from '../../../../shared/contracts/checkins.ts';
import { SharedRecord } from '../../../components/ui/shared-record.tsx';
import { StatusBadge } from '../../../components/ui/status-badge.tsx';
import { formatLongDay } from '../../../lib/local-day.ts';
import { useSharedCheckinSummary, useSharedCheckins } from '../api/checkins.ts';

type Props = { personId: string; alias: string };

/** How many days of full check-ins the person view lists under the charts. */
const RECENT_DAYS = 14;

/** `checkins.summary`: whether they checked in today, their streak, the last day, and meetings this week; nothing they wrote. */
export function SharedCheckinSummary({ personId, alias }: Props) {
  const { t, i18n } = useTranslation();
  const summary = useSharedCheckinSummary(personId);
  return (
    <SharedRecord query={summary} alias={alias}>
      {(data) => (
        <dl className="stat-row">
          <div className="stat">
            <dt>{t('personView.checkins.today')}</dt>
            <dd>
              <StatusBadge tone={data.checkedInToday ? 'good' : 'neutral'}>
                {data.checkedInToday ? t('personView.checkins.doneToday') : t('personView.checkins.notYetToday')}
              </StatusBadge>
            </dd>
          </div>
          <div className="stat">
            <dt>{t('trends.currentStreak')}</dt>
            <dd className="stat-value">{t('trends.days', { count: data.currentStreak })}</dd>
          </div>
          <div className="stat">
            <dt>{t('personView.checkins.last')}</dt>
            <dd>{data.lastCheckinDate ? formatLongDay(data.lastCheckinDate, i18n.language) : t('personView.checkins.never')}</dd>
          </div>
          <div className="stat">
            <dt>{t('personView.checkins.meetings')}</dt>
            <dd className="stat-value">{t('personView.checkins.meetingsCount', { count: data.meetingsLast7Days })}</dd>
          </div>
        </dl>
      )}
    </SharedRecord>
  );
}

function CheckinEntry({ checkin }: { checkin: Checkin }) {
  const { t, i18n } = useTranslation();
  return (
    <li className="card stack-sm">
      <h4>
        {formatLongDay(checkin.localDate, i18n.language)}
        {checkin.backfilled ? <span className="muted"> · {t('checkin.backfilled')}</span> : null}
      </h4>
      <dl className="details">
        <div>
          <dt>{t('trends.moodTitle')}</dt>
          <dd>{t('personView.checkins.moodValue', { value: checkin.mood })}</dd>
        </div>
        <div>
          <dt>{t('trends.cravingTitle')}</dt>
          <dd>{t('personView.checkins.cravingValue', { value: checkin.craving })}</dd>
        </div>
        <div>
          <dt>{t('trends.sleepTitle')}</dt>
          <dd>{checkin.sleepHours === null ? t('trends.none') : t('personView.checkins.sleepValue', { count: checkin.sleepHours })}</dd>
        </div>
        <div>
          <dt>{t('checkin.used')}</dt>
          <dd>
            {t(`checkin.usedAnswers.${checkin.used}`)}
            {checkin.substances.length > 0 ? ` (${checkin.substances.join(', ')})` : ''}
          </dd>
        </div>
      </dl>
      {checkin.gratitude ? (
        <p className="break-word">
          <strong>{t('personView.checkins.gratitude')}</strong> {checkin.gratitude}
        </p>
      ) : null}
      {checkin.note ? (
        <p className="break-word">
          <strong>{t('personView.checkins.note')}</strong> {checkin.note}
        </p>
      ) : null}
    </li>
  );
}

/** `checkins.detail`: every check-in of the last two weeks as they wrote it, newest first. */
export function SharedRecentCheckins({ personId, alias }: Props) {
  const { t } = useTranslation();
  const list = useSharedCheckins(personId, RECENT_DAYS);
  return (
    <SharedRecord query={list} alias={alias}>
      {(data) =>
        data.items.length === 0 ? (
          <p className="empty">{t('personView.checkins.noneRecent', { alias, count: RECENT_DAYS })}</p>
        ) : (
          <ul className="card-list">
            {[...data.items]
              .sort((a, b) => b.localDate.localeCompare(a.localDate))
              .map((checkin) => (
                <CheckinEntry key={checkin.localDate} checkin={checkin} />
              ))}
          </ul>
        )
      }
    </SharedRecord>
  );
}
