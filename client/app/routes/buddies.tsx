import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { inRoleGroup } from '../../../shared/contracts/roles.ts';
import { Loading } from '../../components/ui/loading.tsx';
import { PageHeading } from '../../components/ui/page-heading.tsx';
import { PageSection } from '../../components/ui/page-section.tsx';
import { QueryError } from '../../components/ui/query-error.tsx';
import { useBuddyOverview } from '../../features/buddies/api/buddies.ts';
import { BuddyRequestList } from '../../features/buddies/components/buddy-requests.tsx';
import { OpenBuddyRequests } from '../../features/buddies/components/open-requests.tsx';
import { VolunteerPanel } from '../../features/buddies/components/volunteer-panel.tsx';
import { paths } from '../../lib/paths.ts';
import { useSessionData } from '../../lib/session.ts';

/** First-meeting buddies: my requests, the people I go with, volunteering, and (for volunteers) who is waiting. */
export function BuddiesPage() {
  const { t } = useTranslation();
  const { user } = useSessionData();
  const overview = useBuddyOverview();
  const isMember = !!user && inRoleGroup(user.roles, 'members');
  const isCoach = !!user && inRoleGroup(user.roles, 'coaches');
  if (overview.isPending) return <Loading />;
  if (overview.isError) return <QueryError error={overview.error} onRetry={() => void overview.refetch()} />;
  const data = overview.data;
  const asked = data.requests.filter((r) => !r.iAmBuddy);
  const accompanying = data.requests.filter((r) => r.iAmBuddy);
  return (
    <div className="stack-lg">
      <PageHeading title={t('buddies.title')} lead={t('buddies.lead')} />
      {isMember ? (
        <PageSection id="buddies-mine" title={t('buddies.mine.title')}>
          <BuddyRequestList
            requests={asked}
            empty={
              <p className="muted">
                {t('buddies.mine.none')} <Link to={paths.meetings}>{t('buddies.mine.findMeeting')}</Link>
              </p>
            }
          />
        </PageSection>
      ) : null}
      {accompanying.length > 0 ? (
        <PageSection id="buddies-accompanying" title={t('buddies.mine.accompanyingTitle')}>
          <BuddyRequestList requests={accompanying} empty={null} />
        </PageSection>
      ) : null}
      <PageSection id="buddies-volunteer" title={t('buddies.volunteer.title')} lead={t('buddies.volunteer.lead')}>
        <VolunteerPanel overview={data} isCoach={isCoach} />
      </PageSection>
      {data.volunteer?.active && data.eligibility.eligible ? (
        <PageSection id="buddies-open" title={t('buddies.open.title')}>
          <OpenBuddyRequests />
        </PageSection>
      ) : null}
    </div>
  );
}
