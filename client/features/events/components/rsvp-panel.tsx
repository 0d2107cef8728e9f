import { useTranslation } from 'react-i18next';
import type { Event } from '../../../../shared/contracts/events.ts';
import { Button } from '../../../components/ui/button.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { eventCalendarHref, useAnswer } from '../api/events.ts';

/** My answer: go, join the waitlist, or give the place back; and the calendar file. */
export function RsvpPanel({ event }: { event: Event }) {
  const { t } = useTranslation();
  const answer = useAnswer(event.id);
  const started = new Date(event.startsAt).getTime() <= Date.now();
  const full = event.placesLeft !== null && event.placesLeft <= 0;
  let text: string;
  if (started) text = t('events.rsvp.closed');
  else if (event.myStatus === 'going') text = t('events.rsvp.going');
  else if (event.myStatus === 'waitlisted') text = t('events.rsvp.waitlisted', { position: event.myWaitlistPosition ?? 1 });
  else text = full ? t('events.rsvp.goingFull') : t('events.rsvp.none');
  return (
    <div className="card stack">
      {/* Announced when the answer changes, so a screen reader hears "you are going" or the waitlist number. */}
      <p aria-live="polite" data-testid="rsvp-status">
        {text}
      </p>
      {answer.isError ? <FormAlert>{t('events.rsvp.failed')}</FormAlert> : null}
      <div className="button-row">
        {!started && event.myStatus === 'none' ? (
          <Button isPending={answer.isPending} onPress={() => answer.mutate(true)}>
            {full ? t('events.rsvp.joinWaitlist') : t('events.rsvp.join')}
          </Button>
        ) : null}
        {!started && event.myStatus !== 'none' ? (
          <Button variant="secondary" isPending={answer.isPending} onPress={() => answer.mutate(false)}>
            {event.myStatus === 'going' ? t('events.rsvp.leave') : t('events.rsvp.leaveWaitlist')}
          </Button>
        ) : null}
        <a className="btn btn-secondary" href={eventCalendarHref(event.id)} download>
          {t('events.rsvp.addToCalendar')}
        </a>
      </div>
    </div>
  );
}
