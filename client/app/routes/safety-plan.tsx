import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DEFAULT_CRISIS_LINES } from '../../../shared/contracts/organization.ts';
import { ROLE_GROUPS } from '../../../shared/contracts/roles.ts';
import type { SafetyPlan } from '../../../shared/contracts/safety-plan.ts';
import { Button } from '../../components/ui/button.tsx';
import { FormAlert } from '../../components/ui/form-alert.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { PageHeading } from '../../components/ui/page-heading.tsx';
import { QueryError } from '../../components/ui/query-error.tsx';
import { useSafetyPlan } from '../../features/safety-plan/api/safety-plan.ts';
import { CrisisLinesSection } from '../../features/safety-plan/components/crisis-lines-section.tsx';
import { OfflineSafetyPlanView } from '../../features/safety-plan/components/offline-safety-plan.tsx';
import { SafetyPlanForm } from '../../features/safety-plan/components/safety-plan-form.tsx';
import { SafetyPlanView } from '../../features/safety-plan/components/safety-plan-view.tsx';
import { SosPanel } from '../../features/sos/components/sos-panel.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { formatDateTime } from '../../lib/format.ts';
import { paths } from '../../lib/paths.ts';
import { hasAnyRole, useSessionData } from '../../lib/session.ts';

/** Nothing written yet: no version, or every step and "the one thing" empty. */
function isEmpty(plan: SafetyPlan): boolean {
  const { mostImportant, ...steps } = plan.content;
  return plan.version === 0 || (!mostImportant && Object.values(steps).every((items) => items.length === 0));
}

export function SafetyPlanPage() {
  const { t } = useTranslation();
  const { user } = useSessionData();
  const userId = user?.id ?? '';
  const { plan, stored, offlineLoading } = useSafetyPlan(userId);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const editRef = useRef<HTMLDivElement>(null);

  const unreachable = plan.isError && isApiError(plan.error) && plan.error.status === 0;
  if (!plan.data && unreachable) {
    if (offlineLoading) return <Loading />;
    return <OfflineSafetyPlanView stored={stored} />;
  }

  const data = plan.data;
  const lines = data?.crisisLines ?? DEFAULT_CRISIS_LINES;

  function stopEditing(didSave: boolean) {
    setEditing(false);
    setSaved(didSave);
    // Back on the plan: focus its edit button so keyboard and screen reader users are not lost.
    requestAnimationFrame(() => editRef.current?.querySelector<HTMLElement>('button')?.focus());
  }

  return (
    <div className="stack-lg">
      <PageHeading title={editing ? t('safetyPlan.form.title') : t('safetyPlan.title')} lead={editing ? undefined : t('safetyPlan.lead')} />
      {plan.isError && data ? (
        <p className="alert alert-info" role="status">
          {t('safetyPlan.offline')}
        </p>
      ) : null}
      {plan.isPending ? <Loading /> : null}
      {plan.isError && !data ? <QueryError error={plan.error} onRetry={() => void plan.refetch()} /> : null}
      {hasAnyRole(user, ROLE_GROUPS.members) ? (
        <SosPanel fallbackLines={lines} privacyLink={(label) => <Link to={paths.privacy}>{label}</Link>} />
      ) : null}
      <CrisisLinesSection lines={lines} />
      {data && editing ? (
        <SafetyPlanForm plan={data} userId={userId} onDone={stopEditing} onConflict={async () => (await plan.refetch()).data} />
      ) : null}
      {data && !editing ? (
        <>
          {saved ? <FormAlert tone="success">{t('safetyPlan.form.saved')}</FormAlert> : null}
          {isEmpty(data) ? <p className="empty">{t('safetyPlan.emptyPlan')}</p> : <SafetyPlanView content={data.content} />}
          {data.createdAt ? <p className="muted">{t('safetyPlan.lastSaved', { date: formatDateTime(data.createdAt) })}</p> : null}
          <div className="button-row no-print" ref={editRef}>
            <Button
              isDisabled={plan.isError}
              onPress={() => {
                setSaved(false);
                setEditing(true);
                // The button goes away with the view: start keyboard and screen reader users at the top of the form.
                requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus());
              }}
            >
              {isEmpty(data) ? t('safetyPlan.start') : t('safetyPlan.edit')}
            </Button>
            {!isEmpty(data) ? (
              <Button variant="secondary" onPress={() => window.print()}>
                {t('safetyPlan.print')}
              </Button>
            ) : null}
          </div>
        </>
      ) : null}
    </div>
  );
}
