import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../../components/ui/button.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { StatusBadge } from '../../../components/ui/status-badge.tsx';
import { formatDate } from '../../../lib/format.ts';
import { paths } from '../../../lib/paths.ts';
import { useAttendanceHistory, useDeleteAttendance } from '../api/my-meetings.ts';

/** The meetings I said I went to, newest first, with the ones proved by a secretary's code marked. */
export function AttendanceHistory() {
  const { t } = useTranslation();
  const history = useAttendanceHistory();
  const remove = useDeleteAttendance();
  if (history.isPending) return <Loading />;
  if (history.isError) return <QueryError error={history.error} onRetry={() => void history.refetch()} />;
  const entries = history.data.pages.flatMap((page) => page.items);
  if (entries.length === 0) return <p className="empty">{t('myMeetings.history.empty')}</p>;
  return (
    <div className="stack">
      <ul className="card-list" data-testid="attendance-history">
        {entries.map((entry) => {
          // A calendar day: noon keeps it the same day in every zone.
          const date = formatDate(`${entry.attendedOn}T12:00:00`);
          return (
            <li key={entry.id} className="card">
              <div className="card-title-row">
                {entry.meetingId ? (
                  <Link to={paths.meeting.to(entry.meetingId)} className="break-word">
                    {entry.meetingName}
                  </Link>
                ) : (
                  <span className="break-word">{entry.meetingName}</span>
                )}
                <StatusBadge tone={entry.verified ? 'good' : 'neutral'}>
                  {entry.verified ? `✓ ${t('myMeetings.history.verified')}` : t('myMeetings.history.selfReported')}
                </StatusBadge>
              </div>
              <p className="muted">{date}</p>
              <Button variant="quiet" isPending={remove.isPending && remove.variables === entry.id} onPress={() => remove.mutate(entry.id)}>
                {t('myMeetings.history.remove', { name: entry.meetingName, date })}
              </Button>
            </li>
          );
        })}
      </ul>
      {history.hasNextPage ? (
        <Button variant="secondary" isPending={history.isFetchingNextPage} onPress={() => void history.fetchNextPage()}>
          {t('myMeetings.history.more')}
        </Button>
      ) : null}
    </div>
  );
}
