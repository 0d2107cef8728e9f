import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DEFAULT_CRISIS_LINES } from '../../../../shared/contracts/organization.ts';
import { Loading } from '../../../components/ui/loading.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { type OfflineSafetyPlan, readOfflineSafetyPlan } from '../api/safety-plan.ts';
import { CrisisLinesSection } from './crisis-lines-section.tsx';
import { SafetyPlanView } from './safety-plan-view.tsx';

/** The plan kept on this device, shown when the server cannot be reached; the crisis lines are there even without it. */
export function OfflineSafetyPlanView({ stored }: { stored: OfflineSafetyPlan | null }) {
  const { t } = useTranslation();
  return (
    <div className="stack-lg">
      <PageHeading title={t('safetyPlan.title')} />
      <p className="alert alert-info" role="status">
        {stored ? t('safetyPlan.offline') : t('safetyPlan.offlineNone')}
      </p>
      <CrisisLinesSection lines={stored?.plan.crisisLines.length ? stored.plan.crisisLines : DEFAULT_CRISIS_LINES} />
      {stored ? <SafetyPlanView content={stored.plan.content} /> : null}
      {stored?.plan.createdAt ? (
        <p className="muted">{t('safetyPlan.lastSaved', { date: formatDateTime(stored.plan.createdAt) })}</p>
      ) : null}
    </div>
  );
}

/**
 * Before the session is known (the installed app opened with no network): the plan this device kept. Only the person
 * who last signed in here can have left it, since signing out clears it.
 */
export function OfflineSafetyPlanScreen() {
  const stored = useQuery({ queryKey: ['offline', 'safety-plan', 'any'], queryFn: readOfflineSafetyPlan, networkMode: 'always' });
  if (stored.isPending) return <Loading />;
  return <OfflineSafetyPlanView stored={stored.data ?? null} />;
}
