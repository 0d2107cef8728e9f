import { useTranslation } from 'react-i18next';
import { SharedRecord } from '../../../components/ui/shared-record.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useSharedPlan } from '../api/recovery-plan.ts';
import { PlanView } from './plan-view.tsx';

/** Someone's current recovery plan through their `plan` grant, with this week's meetings for each meeting goal. */
export function SharedPlan({ personId, alias }: { personId: string; alias: string }) {
  const { t } = useTranslation();
  const plan = useSharedPlan(personId);
  return (
    <SharedRecord query={plan} alias={alias}>
      {(data) => {
        if (data.version === 0) return <p className="empty">{t('personView.plan.none', { alias })}</p>;
        const titles = new Map(data.content.goals.map((goal) => [goal.id, goal.title]));
        return (
          <div className="card stack">
            {data.createdAt ? <p className="muted">{t('personView.plan.updated', { date: formatDate(data.createdAt) })}</p> : null}
            {data.meetingProgress && data.meetingProgress.length > 0 ? (
              <div className="stack-sm">
                <h3>{t('personView.plan.meetingsTitle')}</h3>
                <ul className="plan-items" data-testid="shared-meeting-progress">
                  {data.meetingProgress.map((progress) => (
                    <li key={progress.goalId} className="break-word">
                      <strong>{titles.get(progress.goalId) ?? ''}</strong>
                      {': '}
                      {t('recoveryPlan.goals.meetingsProgress', { attended: progress.attended, target: progress.target })}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            <PlanView content={data.content} />
          </div>
        );
      }}
    </SharedRecord>
  );
}
