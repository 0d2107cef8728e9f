import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRecoveryPlan } from '../api/recovery-plan.ts';

/**
 * The coping strategies from the member's recovery plan, read back to them after a hard check-in.
 * Quiet when the plan cannot be loaded: the safety plan and reasons beside it still help.
 */
export function CopingList({ editHref }: { editHref: string }) {
  const { t } = useTranslation();
  const plan = useRecoveryPlan();
  if (!plan.data) return null;
  const strategies = plan.data.content.copingStrategies;
  if (strategies.length === 0) {
    return (
      <p className="empty">
        {t('recoveryPlan.copingReadBack.noneYet')} <Link to={editHref}>{t('recoveryPlan.copingReadBack.writeThem')}</Link>
      </p>
    );
  }
  return (
    <ul className="reason-list">
      {strategies.map((strategy) => (
        <li key={strategy.id} className="reason-item">
          {strategy.text}
        </li>
      ))}
    </ul>
  );
}
