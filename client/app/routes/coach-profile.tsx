import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/ui/loading.tsx';
import { PageHeading } from '../../components/ui/page-heading.tsx';
import { QueryError } from '../../components/ui/query-error.tsx';
import { useCoachProfile } from '../../features/coaching/api/coaching.ts';
import { CoachProfileForm } from '../../features/coaching/components/coach-profile-form.tsx';

/** A coach edits what members and supervisors see when matching. */
export function CoachProfilePage() {
  const { t } = useTranslation();
  const profile = useCoachProfile();
  return (
    <div className="stack-lg">
      <PageHeading title={t('coachProfile.title')} lead={t('coachProfile.lead')} />
      {profile.isPending ? <Loading /> : null}
      {profile.isError ? <QueryError error={profile.error} onRetry={() => void profile.refetch()} /> : null}
      {profile.data ? (
        <div className="card">
          <CoachProfileForm profile={profile.data.profile} timezone={profile.data.timezone} />
        </div>
      ) : null}
    </div>
  );
}
