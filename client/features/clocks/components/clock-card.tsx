import { useTranslation } from 'react-i18next';
import type { Clock } from '../../../../shared/contracts/clocks.ts';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { StatusBadge } from '../../../components/ui/status-badge.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { formatLongDay } from '../../../lib/local-day.ts';
import { useStartNewRun } from '../api/clocks.ts';
import { milestoneName } from './milestone-name.ts';

type Props = {
  clock: Omit<Clock, 'pastRuns'>;
  /** Someone else's clock (the person view): the facts, without the owner's "start a new run". */
  readOnly?: boolean;
};

/** One clock: days in this run, the next milestone, and everything earlier runs add up to. */
export function ClockCard({ clock, readOnly = false }: Props) {
  const { t, i18n } = useTranslation();
  const startNewRun = useStartNewRun();
  const titleId = `clock-${clock.id}`;
  return (
    <li className="card stack clock-card">
      <div className="card-title-row">
        <h3 id={titleId}>{clock.label}</h3>
        <StatusBadge tone="neutral">{t(`clocks.kinds.${clock.kind}.label`)}</StatusBadge>
      </div>
      {clock.goal ? <p>{t('clocks.goalIs', { goal: clock.goal })}</p> : null}
      <p className="clock-days">{t('clocks.currentDays', { count: clock.currentDays })}</p>
      <p className="muted">{t('clocks.since', { when: formatDateTime(clock.startedAt) })}</p>
      <dl className="details">
        <div>
          <dt>{t('clocks.nextMilestone')}</dt>
          <dd>
            {t('clocks.nextMilestoneOn', {
              milestone: milestoneName(clock.nextMilestone, t),
              date: formatLongDay(clock.nextMilestone.localDate, i18n.language),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('clocks.totalDays')}</dt>
          <dd>{t('clocks.daysValue', { count: clock.totalDays })}</dd>
        </div>
        <div>
          <dt>{t('clocks.longestRun')}</dt>
          <dd>{t('clocks.daysValue', { count: clock.longestRunDays })}</dd>
        </div>
      </dl>
      {readOnly && clock.reachedMilestones.length > 0 ? (
        <p>
          {t('clocks.reached', {
            milestones: clock.reachedMilestones
              .slice(-3)
              .map((milestone) => milestoneName(milestone, t))
              .join(', '),
          })}
        </p>
      ) : null}
      {readOnly ? null : (
        <div className="button-row">
          <ConfirmDialog
            triggerLabel={t('clocks.newRun')}
            triggerDescribedBy={titleId}
            title={t('clocks.newRunTitle', { label: clock.label })}
            confirmLabel={t('clocks.newRunConfirm')}
            onConfirm={async () => {
              await startNewRun.mutateAsync(clock.id);
            }}
          >
            <p>{t('clocks.newRunBody')}</p>
            <p>{t('clocks.newRunKept')}</p>
          </ConfirmDialog>
        </div>
      )}
    </li>
  );
}
