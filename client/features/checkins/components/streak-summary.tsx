import { useTranslation } from 'react-i18next';
import type { Trends } from '../../../../shared/contracts/checkins.ts';

/** The check-in streak in words: today's run of days, and the longest so far. */
export function StreakSummary({ trends }: { trends: Trends }) {
  const { t } = useTranslation();
  return (
    <dl className="stat-row">
      <div className="stat">
        <dt>{t('trends.currentStreak')}</dt>
        <dd className="stat-value">{t('trends.days', { count: trends.currentStreak })}</dd>
      </div>
      <div className="stat">
        <dt>{t('trends.longestStreak')}</dt>
        <dd className="stat-value">{t('trends.days', { count: trends.longestStreak })}</dd>
      </div>
    </dl>
  );
}
