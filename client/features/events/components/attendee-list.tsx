import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { useAttendees } from '../api/events.ts';

/** Organizers only: who is going and who waits, by community alias. */
export function AttendeeList({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const list = useAttendees(eventId, true);
  if (list.isPending) return <Loading />;
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  const { going, waitlisted } = list.data;
  return (
    <div className="stack">
      <h3>{t('events.attendees.going', { count: going.length })}</h3>
      {going.length === 0 ? (
        <p className="empty">{t('events.attendees.nobody')}</p>
      ) : (
        <ul>
          {going.map((person) => (
            <li key={person.alias}>{person.alias}</li>
          ))}
        </ul>
      )}
      <h3>{t('events.attendees.waitlisted', { count: waitlisted.length })}</h3>
      {waitlisted.length === 0 ? (
        <p className="empty">{t('events.attendees.nobody')}</p>
      ) : (
        <ol>
          {waitlisted.map((person) => (
            <li key={person.alias}>{person.alias}</li>
          ))}
        </ol>
      )}
    </div>
  );
}
