import { useTranslation } from 'react-i18next';
import type { CoachingSession } from '../../../../shared/contracts/coaching-sessions.ts';
import { Button } from '../../../components/ui/button.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { StatusBadge } from '../../../components/ui/status-badge.tsx';
import { calendarHref, useSessionOutcome } from '../api/coaching-sessions.ts';

/** "Tuesday, December 1, 2026 at 9:00 AM" in this device's zone and the page's language. */
export function useSessionTime() {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'full', timeStyle: 'short' });
  return (iso: string) => format.format(new Date(iso));
}

const TONE = { scheduled: 'neutral', completed: 'good', cancelled: 'warn', missed: 'alert' } as const;

type Props = { relationshipId: string; sessions: CoachingSession[]; isCoach: boolean; empty: string };

/** Sessions with when, how, where; a calendar file for coming ones; the coach's cancel and outcome buttons. */
export function SessionList({ relationshipId, sessions, isCoach, empty }: Props) {
  const { t } = useTranslation();
  const when = useSessionTime();
  const outcome = useSessionOutcome(relationshipId);
  if (sessions.length === 0) return <p className="empty">{empty}</p>;
  const now = Date.now();
  return (
    <>
      {outcome.isError ? <FormAlert>{t('coachingSessions.sessions.actionFailed')}</FormAlert> : null}
      <ul className="card-list">
        {sessions.map((session) => {
          const started = new Date(session.scheduledAt).getTime() <= now;
          const open = session.status === 'scheduled';
          // Each card's buttons say which session they act on, for screen readers and voice control.
          const context = (
            <>
              {' '}
              <span className="visually-hidden">{t('coachingSessions.sessions.forSession', { when: when(session.scheduledAt) })}</span>
            </>
          );
          return (
            <li key={session.id} className="card">
              <h3>{when(session.scheduledAt)}</h3>
              <p>
                {t(`coachingSessions.contactTypes.${session.contactType}`)} ·{' '}
                {t('coachingSessions.sessions.minutes', { count: session.durationMinutes })}{' '}
                <StatusBadge tone={TONE[session.status]}>{t(`coachingSessions.statuses.${session.status}`)}</StatusBadge>
              </p>
              {session.location ? <p>{t('coachingSessions.sessions.where', { place: session.location })}</p> : null}
              {session.videoUrl && open ? (
                <p>
                  <a href={session.videoUrl} rel="noopener noreferrer" target="_blank">
                    {t('coachingSessions.sessions.join')}
                  </a>
                </p>
              ) : null}
              <div className="button-row">
                {open && !started ? (
                  <a className="btn btn-secondary" href={calendarHref(session.id)} download>
                    {t('coachingSessions.sessions.addToCalendar')}
                    {context}
                  </a>
                ) : null}
                {isCoach && open ? (
                  <Button
                    variant="secondary"
                    isPending={outcome.isPending}
                    onPress={() => outcome.mutate({ id: session.id, status: 'cancelled' })}
                  >
                    {t('coachingSessions.sessions.cancel')}
                    {context}
                  </Button>
                ) : null}
                {isCoach && open && started ? (
                  <>
                    <Button variant="secondary" onPress={() => outcome.mutate({ id: session.id, status: 'completed' })}>
                      {t('coachingSessions.sessions.completed')}
                      {context}
                    </Button>
                    <Button variant="quiet" onPress={() => outcome.mutate({ id: session.id, status: 'missed' })}>
                      {t('coachingSessions.sessions.missed')}
                      {context}
                    </Button>
                  </>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
    </>
  );
}
