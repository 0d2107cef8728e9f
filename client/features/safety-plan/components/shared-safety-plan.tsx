import { useTranslation } from 'react-i18next';
import { SharedRecord } from '../../../components/ui/shared-record.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useSharedSafetyPlan } from '../api/safety-plan.ts';
import { SafetyPlanView } from './safety-plan-view.tsx';

/**
 * Someone's safety plan through their `safety_plan` grant: their steps as they wrote them, with "Call"
 * on every contact they gave a phone number for, so a supporter can act on it in a hard moment.
 */
export function SharedSafetyPlan({ personId, alias }: { personId: string; alias: string }) {
  const { t } = useTranslation();
  const plan = useSharedSafetyPlan(personId);
  return (
    <SharedRecord query={plan} alias={alias}>
      {(data) =>
        data.version === 0 ? (
          <p className="empty">{t('personView.safetyPlan.none', { alias })}</p>
        ) : (
          <div className="stack">
            {data.createdAt ? <p className="muted">{t('personView.plan.updated', { date: formatDate(data.createdAt) })}</p> : null}
            <SafetyPlanView content={data.content} headingLevel={3} />
          </div>
        )
      }
    </SharedRecord>
  );
}
