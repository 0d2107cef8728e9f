import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CrisisLine, DEFAULT_CRISIS_LINES } from '../../../shared/contracts/organization.ts';
import { EMPTY_SAFETY_PLAN, type SafetyPlan } from '../../../shared/contracts/safety-plan.ts';
import { CrisisLineItem } from '../../components/crisis-help.tsx';
import { Button } from '../../components/ui/button.tsx';
import { FormAlert } from '../../components/ui/form-alert.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { PageHeading } from '../../components/ui/page-heading.tsx';
import { PageSection } from '../../components/ui/page-section.tsx';
import { QueryError } from '../../components/ui/query-error.tsx';
import { type OfflineSafetyPlan, readOfflineSafetyPlan, useSafetyPlan } from '../../features/safety-plan/api/safety-plan.ts';
import { SafetyPlanForm } from '../../features/safety-plan/components/safety-plan-form.tsx';
import { SafetyPlanView } from '../../features/safety-plan/components/safety-plan-view.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useSessionData } from '../../lib/session.ts';

/** The organization's crisis lines: always on the page, online or not, printed too. */
export function CrisisLinesSection({ lines }: { lines: readonly CrisisLine[] }) {
  const { t } = useTranslation();
  return (
    <PageSection id="safety-crisis" title={t('safetyPlan.crisisTitle')} lead={t('safetyPlan.crisisLead')}>
      <ul className="crisis-lines">
        {lines.map((line) => (
          <CrisisLineItem key={`${line.name}-${line.phone ?? ''}-${line.text ?? ''}`} line={line} />
        ))}
      </ul>
    </PageSection>
  );
}

/** The plan as read offline (from this device) or while the server cannot be reached. Also used before sign-in is known. */
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

function isEmpty(plan: SafetyPlan): boolean {
  return plan.version === 0 || JSON.stringify(plan.content) === JSON.stringify(EMPTY_SAFETY_PLAN);
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
      {!editing ? <CrisisLinesSection lines={lines} /> : null}
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
                window.scrollTo({ top: 0 });
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

/**
 * Before the session is known (the app opened with no network): the plan this device kept, whoever's it is. Only the
 * person who last signed in here can have left it, since signing out clears it.
 */
export function OfflineSafetyPlanPage() {
  const stored = useQuery({ queryKey: ['offline', 'safety-plan', 'any'], queryFn: readOfflineSafetyPlan, networkMode: 'always' });
  if (stored.isPending) return <Loading />;
  return <OfflineSafetyPlanView stored={stored.data ?? null} />;
}
