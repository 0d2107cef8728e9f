import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Event } from '../../../../shared/contracts/events.ts';
import { StatusBadge } from '../../../components/ui/status-badge.tsx';
import { paths } from '../../../lib/paths.ts';
import { useEventTime } from './event-time.ts';

/** What the viewer's answer and the places say, in a few words. */
export function PlacesAndStatus({ event }: { event: Event }) {
  const { t } = useTranslation();
  if (event.status === 'cancelled') return <StatusBadge tone="alert">{t('events.cancelledBadge')}</StatusBadge>;
  return (
    <>
      {event.myStatus === 'going' ? <StatusBadge tone="good">{t('events.my.going')}</StatusBadge> : null}
      {event.myStatus === 'waitlisted' ? (
        <StatusBadge tone="warn">{t('events.my.waitlisted', { position: event.myWaitlistPosition ?? 1 })}</StatusBadge>
      ) : null}{' '}
      <span>
        {event.placesLeft === null
          ? t('events.unlimited')
          : event.placesLeft > 0
            ? t('events.placesLeft', { count: event.placesLeft })
            : t('events.full')}
      </span>
    </>
  );
}

/** Events still to come, soonest first: each card links to the event's page. */
export function EventList({ events }: { events: Event[] }) {
  const { t } = useTranslation();
  const when = useEventTime();
  if (events.length === 0) return <p className="empty">{t('events.none')}</p>;
  return (
    <ul className="card-list">
      {events.map((event) => {
        const time = when(event.startsAt, event.endsAt);
        return (
          <li key={event.id} className="card">
            <h3>
              <Link to={paths.event.to(event.id)}>{event.title}</Link>
            </h3>
            <p>
              {t(`events.kinds.${event.kind}`)} · {t('events.when', time)}
            </p>
            {event.location ? <p>{event.location}</p> : null}
            <p>
              <PlacesAndStatus event={event} />
            </p>
          </li>
        );
      })}
    </ul>
  );
}
