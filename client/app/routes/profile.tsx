import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/ui/loading.tsx';
import { PageHeading } from '../../components/ui/page-heading.tsx';
import { QueryError } from '../../components/ui/query-error.tsx';
import { useProfile } from '../../features/profile/api/profile.ts';
import { ProfileForm } from '../../features/profile/components/profile-form.tsx';
import { useReminderPreferences } from '../../features/reminders/api/reminders.ts';
import { RemindersForm } from '../../features/reminders/components/reminders-form.tsx';

export function ProfilePage() {
  const { t } = useTranslation();
  const profile = useProfile();
  const reminders = useReminderPreferences();
  return (
    <div className="stack">
      <PageHeading title={t('profile.title')} lead={t('profile.lead')} />
      {profile.isPending ? <Loading /> : null}
      {profile.isError ? <QueryError error={profile.error} onRetry={() => void profile.refetch()} /> : null}
      {profile.isSuccess ? <ProfileForm profile={profile.data} /> : null}
      {reminders.isError ? <QueryError error={reminders.error} onRetry={() => void reminders.refetch()} /> : null}
      {reminders.isSuccess ? <RemindersForm preferences={reminders.data} /> : null}
    </div>
  );
}
