import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/ui/loading.tsx';
import { PageHeading } from '../../components/ui/page-heading.tsx';
import { PageSection } from '../../components/ui/page-section.tsx';
import { QueryError } from '../../components/ui/query-error.tsx';
import { useRecoveryPlan } from '../../features/recovery-plan/api/recovery-plan.ts';
import { PlanForm } from '../../features/recovery-plan/components/plan-form.tsx';
import { PlanHistory } from '../../features/recovery-plan/components/plan-history.tsx';
import { formatDateTime } from '../../lib/format.ts';

export function RecoveryPlanPage() {
  const { t } = useTranslation();
  const plan = useRecoveryPlan();
  return (
    <div className="stack-lg">
      <PageHeading title={t('recoveryPlan.title')} lead={t('recoveryPlan.lead')} />
      {plan.isPending ? <Loading /> : null}
      {plan.isError ? <QueryError error={plan.error} onRetry={() => void plan.refetch()} /> : null}
      {plan.isSuccess ? (
        <>
          <p className="muted">
            {plan.data.version === 0 || !plan.data.createdAt
              ? t('recoveryPlan.empty')
              : t('recoveryPlan.version', { version: plan.data.version, date: formatDateTime(plan.data.createdAt) })}
          </p>
          {/* The form keeps its own draft and base version: a background refetch never overwrites what is being typed. */}
          <PlanForm plan={plan.data} onConflict={async () => (await plan.refetch()).data} />
        </>
      ) : null}
      <PageSection id="plan-history" title={t('recoveryPlan.history.title')} lead={t('recoveryPlan.history.lead')}>
        <PlanHistory />
      </PageSection>
    </div>
  );
}
