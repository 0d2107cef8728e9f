import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scope, SharedWithMe } from '../../../shared/contracts/consent.ts';
import { PageSection } from '../../components/ui/page-section.tsx';
import { SharedBarc10History } from '../../features/assessments/components/barc10-history.tsx';
import { SharedCheckinSummary, SharedRecentCheckins } from '../../features/checkins/components/shared-checkins.tsx';
import { SharedTrendsView } from '../../features/checkins/components/trends-view.tsx';
import { SharedClocks } from '../../features/clocks/components/shared-clocks.tsx';
import { SharingSummary } from '../../features/privacy/components/sharing-summary.tsx';
import { SharedPlan } from '../../features/recovery-plan/components/shared-plan.tsx';
import { SharedSafetyPlan } from '../../features/safety-plan/components/shared-safety-plan.tsx';
import { scopeKey } from '../../lib/labels.ts';
import { personRecordKey } from '../../lib/person-record.ts';

type Part = { scope: Exclude<Scope, 'profile' | 'sos'>; render: (props: { personId: string; alias: string }) => ReactNode };

/** Every part of a record the person view can show, in the order a supporter reads it (the profile is the page's own). */
const PARTS: Part[] = [
  { scope: 'clock', render: (props) => <SharedClocks {...props} /> },
  { scope: 'checkins.summary', render: (props) => <SharedCheckinSummary {...props} /> },
  {
    scope: 'checkins.detail',
    render: (props) => (
      <div className="stack">
        <SharedTrendsView {...props} />
        <RecentCheckins {...props} />
      </div>
    ),
  },
  { scope: 'plan', render: (props) => <SharedPlan {...props} /> },
  { scope: 'safety_plan', render: (props) => <SharedSafetyPlan {...props} /> },
  { scope: 'assessments', render: (props) => <SharedBarc10History {...props} /> },
];

function RecentCheckins(props: { personId: string; alias: string }) {
  const { t } = useTranslation();
  return (
    <section className="stack-sm" aria-labelledby="person-recent-checkins">
      <h3 id="person-recent-checkins">{t('personView.sections.recentCheckins')}</h3>
      <SharedRecentCheckins {...props} />
    </section>
  );
}

/**
 * When a grant ends while the page is open, its sections empty (they render only what is shared now),
 * their data leaves memory, and a status line says what stopped, so nobody keeps looking at a stale copy.
 */
function useDropWhatStopped(sharing: SharedWithMe) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const previous = useRef<readonly Scope[]>(sharing.scopes);
  const [stopped, setStopped] = useState<Scope[]>([]);
  useEffect(() => {
    const ended = previous.current.filter((scope) => !sharing.scopes.includes(scope));
    previous.current = sharing.scopes;
    if (ended.length === 0) return;
    for (const scope of ended) queryClient.removeQueries({ queryKey: personRecordKey(sharing.person.id, scope) });
    setStopped((earlier) => [...new Set([...earlier, ...ended])]);
  }, [sharing, queryClient]);
  const parts = stopped.filter((scope) => scope !== 'sos').map((scope) => t(`scopes.${scopeKey(scope)}.label`));
  return parts.length === 0 ? null : t('personView.stopped', { alias: sharing.person.alias, parts: parts.join(', ') });
}

/** The shared parts of someone's record, each section saying plainly when that part is not shared. */
export function PersonView({ sharing }: { sharing: SharedWithMe }) {
  const { t } = useTranslation();
  const stopped = useDropWhatStopped(sharing);
  const props = { personId: sharing.person.id, alias: sharing.person.alias };
  return (
    <>
      <SharingSummary sharing={sharing} />
      <p role="status" className={stopped ? 'alert alert-info' : 'visually-hidden'}>
        {stopped}
      </p>
      {PARTS.map((part) => {
        const key = scopeKey(part.scope);
        const shared = sharing.scopes.includes(part.scope);
        return (
          <PageSection key={part.scope} id={`person-${key}`} title={t(`personView.sections.${key}`)}>
            {shared ? part.render(props) : <p className="empty not-shared">{t('personView.notShared', { alias: props.alias })}</p>}
          </PageSection>
        );
      })}
    </>
  );
}
