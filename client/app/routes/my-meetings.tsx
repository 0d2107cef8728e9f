import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/ui/page-heading.tsx';
import { PageSection } from '../../components/ui/page-section.tsx';
import { AttendanceHistory } from '../../features/my-meetings/components/attendance-history.tsx';
import { CalendarSubscription } from '../../features/my-meetings/components/calendar-subscription.tsx';
import { SavedMeetings } from '../../features/my-meetings/components/saved-meetings.tsx';

/** Saved meetings with their next start, the meetings I went to, and the private calendar address. */
export function MyMeetingsPage() {
  const { t } = useTranslation();
  return (
    <div className="stack-lg">
      <PageHeading title={t('myMeetings.title')} lead={t('myMeetings.lead')} />
      <PageSection id="my-meetings-saved" title={t('myMeetings.saved.title')}>
        <SavedMeetings />
      </PageSection>
      <PageSection id="my-meetings-history" title={t('myMeetings.history.title')}>
        <AttendanceHistory />
      </PageSection>
      <PageSection id="my-meetings-calendar" title={t('myMeetings.calendar.title')} lead={t('myMeetings.calendar.lead')}>
        <CalendarSubscription />
      </PageSection>
    </div>
  );
}
