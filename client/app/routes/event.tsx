import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading } from '../../components/ui/loading.tsx';
import { PageHeading } from '../../components/ui/page-heading.tsx';
import { PageSection } from '../../components/ui/page-section.tsx';
import { QueryError } from '../../components/ui/query-error.tsx';
import { StatusBadge } from '../../components/ui/status-badge.tsx';
import { useEvent } from '../../features/events/api/events.ts';
import { AttendeeList } from '../../features/events/components/attendee-list.tsx';
import { CancelEventForm } from '../../features/events/components/cancel-event-form.tsx';
import { EventForm } from '../../features/events/components/event-form.tsx';
import { PlacesAndStatus } from '../../features/events/components/event-list.tsx';
import { useEventTime } from '../../features/events/components/event-time.ts';
import { RsvpPanel } from '../../features/events/components/rsvp-panel.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { paths } from '../../lib/paths.ts';

/** One event: when and where, my answer, the calendar file; organizers also change, cancel and see who comes. */
export function EventPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const event = useEvent(id);
  const when = useEventTime();
  const back = (
    <p>
      <Link to={paths.events}>{t('events.backToList')}</Link>
    </p>
  );
  if (event.isPending) return <Loading />;
  if (event.isError) {
    if (isApiError(event.error, 'NOT_FOUND') || isApiError(event.error, 'VALIDATION_FAILED')) {
      return (
        <div className="stack-lg">
          <PageHeading title={t('events.title')} lead={t('events.notFound')} />
          {back}
        </div>
      );
    }
    return <QueryError error={event.error} onRetry={() => void event.refetch()} />;
  }
  const e = event.data;
  const time = when(e.startsAt, e.endsAt);
  const cancelled = e.status === 'cancelled';
  const open = !cancelled && new Date(e.endsAt).getTime() > Date.now();
  const place = [e.location, e.address].filter(Boolean).join(', ');
  return (
    <div className="stack-lg">
      <PageHeading title={e.title} lead={`${t(`events.kinds.${e.kind}`)} · ${t('events.when', time)}`} />
      {back}
      {cancelled ? (
        <div className="alert alert-error" role="status">
          <p>
            <strong>{t('events.cancelledBanner')}</strong>
          </p>
          {e.cancellationNote ? <p>{t('events.cancelledNote', { note: e.cancellationNote })}</p> : null}
        </div>
      ) : null}
      <PageSection id="event-details" title={t('events.details')}>
        <div className="card stack">
          <p>
            <PlacesAndStatus event={e} />
          </p>
          {place ? (
            <p>
              <StatusBadge tone="neutral">{t('events.where')}</StatusBadge> {place}
            </p>
          ) : null}
          {e.conferenceUrl && !cancelled ? (
            <p>
              <a href={e.conferenceUrl} rel="noopener noreferrer" target="_blank">
                {t('events.online')}
              </a>
            </p>
          ) : null}
          {e.description ? <p className="message-body">{e.description}</p> : null}
          <p className="field-hint">{t('events.zoneNote', { zone: e.timezone.replaceAll('_', ' ') })}</p>
        </div>
      </PageSection>
      {!cancelled ? (
        <PageSection id="event-rsvp" title={t('events.rsvp.title')}>
          <RsvpPanel event={e} />
        </PageSection>
      ) : null}
      {e.canManage ? (
        <>
          <PageSection id="event-attendees" title={t('events.attendees.title')} lead={t('events.attendees.lead')}>
            <div className="card">
              <AttendeeList eventId={e.id} />
            </div>
          </PageSection>
          {open ? (
            <>
              <PageSection id="event-edit" title={t('events.form.editTitle')}>
                <div className="card">
                  <EventForm key={e.id} event={e} />
                </div>
              </PageSection>
              <PageSection id="event-cancel" title={t('events.cancel.title')} lead={t('events.cancel.lead')}>
                <div className="card">
                  <CancelEventForm eventId={e.id} />
                </div>
              </PageSection>
            </>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
