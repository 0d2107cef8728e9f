import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SavedMeeting } from '../../../../shared/contracts/my-meetings.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { paths } from '../../../lib/paths.ts';
import { useSavedMeetings, useSaveMeeting } from '../api/my-meetings.ts';

/** "Tuesday, 3 March, 7:00 PM" in the member's own zone (their profile's, as the server computed it). */
function nextStart(item: SavedMeeting, timeZone: string, language: string) {
  if (!item.nextStart) return null;
  return new Intl.DateTimeFormat(language, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
  }).format(new Date(item.nextStart));
}

export function SavedMeetings() {
  const { t, i18n } = useTranslation();
  const saved = useSavedMeetings();
  const unsave = useSaveMeeting();
  if (saved.isPending) return <Loading />;
  if (saved.isError) return <QueryError error={saved.error} onRetry={() => void saved.refetch()} />;
  if (saved.data.items.length === 0) {
    return (
      <div className="stack-sm">
        <p className="empty">{t('myMeetings.saved.empty')}</p>
        <p>
          <Link to={paths.meetings}>{t('myMeetings.saved.find')}</Link>
        </p>
      </div>
    );
  }
  return (
    <ul className="card-list" data-testid="saved-meetings">
      {saved.data.items.map((item) => {
        const when = nextStart(item, saved.data.timezone, i18n.language);
        return (
          <li key={item.meetingId} className="card">
            <Link to={paths.meeting.to(item.meetingId)} className="link-row-title break-word">
              {item.name}
            </Link>
            <p className="muted">{when ? t('myMeetings.saved.next', { when }) : t('myMeetings.saved.byAppointment')}</p>
            <Button
              variant="quiet"
              isPending={unsave.isPending && unsave.variables?.meetingId === item.meetingId}
              onPress={() => unsave.mutate({ meetingId: item.meetingId, saved: false })}
            >
              {t('myMeetings.saved.unsave', { name: item.name })}
            </Button>
          </li>
        );
      })}
    </ul>
  );
}
