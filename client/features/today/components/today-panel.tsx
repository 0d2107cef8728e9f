import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Today, TodaySession } from '../../../../shared/contracts/today.ts';
import { Loading } from '../../../components/ui/loading.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { paths } from '../../../lib/paths.ts';
import { useToday } from '../api/today.ts';

/** A date and time in the person's own zone (their profile's), in the page's language. */
function useWhen(zone: string) {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: zone,
  });
  const time = new Intl.DateTimeFormat(i18n.language, { hour: 'numeric', minute: '2-digit', timeZone: zone });
  const day = new Intl.DateTimeFormat(i18n.language, { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' });
  return {
    at: (iso: string) => format.format(new Date(iso)),
    time: (iso: string) => time.format(new Date(iso)),
    day: (date: string) => day.format(new Date(`${date}T12:00:00Z`)),
  };
}

/** One line of "today": what it is about, what it says, and where to go from it. */
function Item({ id, title, children, action }: { id: string; title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <li className="today-item">
      <h3 id={`today-${id}`} className="today-item-title">
        {title}
      </h3>
      <div className="today-item-body">{children}</div>
      {action ? <div className="today-item-action">{action}</div> : null}
    </li>
  );
}

function SessionLine({ session, zone }: { session: TodaySession; zone: string }) {
  const { t } = useTranslation();
  const when = useWhen(zone);
  return (
    <Link to={paths.coachingRelationship.to(session.relationshipId)}>
      {t('today.sessionWith', {
        alias: session.with.alias,
        when: when.at(session.scheduledAt),
        contact: t(`coachingSessions.contactTypes.${session.contactType}`),
      })}
    </Link>
  );
}

function TodayItems({ today }: { today: Today }) {
  const { t } = useTranslation();
  const when = useWhen(today.timezone);
  const { checkin, clocks, coach } = today;
  return (
    <ul className="today-list">
      {checkin ? (
        <Item
          id="checkin"
          title={t('today.checkin.title')}
          action={
            checkin.done ? (
              <Link to={paths.trends}>{t('today.checkin.trends')}</Link>
            ) : (
              <Link to={paths.checkIn} className="btn btn-primary">
                {t('today.checkin.now')}
              </Link>
            )
          }
        >
          <p>{checkin.done ? t('today.checkin.done') : t('today.checkin.notYet')}</p>
          {checkin.currentStreak > 0 ? <p className="muted">{t('today.checkin.streak', { count: checkin.currentStreak })}</p> : null}
        </Item>
      ) : null}
      {coach ? (
        <Item id="coach" title={t('today.coach.title')} action={<Link to={paths.caseload}>{t('today.coach.caseload')}</Link>}>
          <p>
            {t('today.coach.clients', { count: coach.clients })}{' '}
            {coach.flaggedClients > 0 ? (
              <strong className="today-flagged">{t('today.coach.flagged', { count: coach.flaggedClients })}</strong>
            ) : (
              t('today.coach.noFlags')
            )}
          </p>
          {coach.sessionsToday.length > 0 ? (
            <ul className="today-sublist">
              {coach.sessionsToday.map((s) => (
                <li key={s.id}>
                  <Link to={paths.coachingRelationship.to(s.relationshipId)}>
                    {t('today.coach.sessionAt', { time: when.time(s.scheduledAt), alias: s.with.alias })}
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('today.coach.noSessionsToday')}</p>
          )}
        </Item>
      ) : null}
      {clocks ? (
        <Item
          id="clocks"
          title={t('today.clocks.title')}
          action={<Link to={paths.clocks}>{clocks.length > 0 ? t('today.clocks.open') : t('today.clocks.start')}</Link>}
        >
          {clocks.length > 0 ? (
            <ul className="today-sublist">
              {clocks.map((clock) => (
                <li key={clock.id}>
                  <strong>{t('today.clocks.days', { label: clock.label, count: clock.currentDays })}</strong>{' '}
                  <span className="muted">
                    {t('today.clocks.next', {
                      milestone: t(`today.units.${clock.nextMilestone.unit}`, { count: clock.nextMilestone.amount }),
                      date: when.day(clock.nextMilestone.localDate),
                    })}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('today.clocks.none')}</p>
          )}
        </Item>
      ) : null}
      {checkin || coach || today.nextSession ? (
        <Item id="session" title={t('today.session.title')}>
          {today.nextSession ? (
            <p>
              <SessionLine session={today.nextSession} zone={today.timezone} />
            </p>
          ) : (
            <p className="muted">{t('today.session.none')}</p>
          )}
        </Item>
      ) : null}
      <Item
        id="meeting"
        title={t('today.meeting.title')}
        action={today.nextMeeting ? null : <Link to={paths.meetings}>{t('today.meeting.find')}</Link>}
      >
        {today.nextMeeting ? (
          <p>
            <Link to={paths.meeting.to(today.nextMeeting.meetingId)}>{today.nextMeeting.name}</Link>{' '}
            <span className="muted">{when.at(today.nextMeeting.nextStart)}</span>
          </p>
        ) : (
          <p className="muted">{t('today.meeting.none')}</p>
        )}
      </Item>
      <Item
        id="event"
        title={t('today.event.title')}
        action={today.nextEvent ? null : <Link to={paths.events}>{t('today.event.browse')}</Link>}
      >
        {today.nextEvent ? (
          <p>
            <Link to={paths.event.to(today.nextEvent.id)}>{today.nextEvent.title}</Link>{' '}
            <span className="muted">
              {today.nextEvent.status === 'cancelled'
                ? t('today.event.cancelled')
                : today.nextEvent.myStatus === 'waitlisted'
                  ? t('today.event.waitlisted', { when: when.at(today.nextEvent.startsAt) })
                  : when.at(today.nextEvent.startsAt)}
            </span>
          </p>
        ) : (
          <p className="muted">{t('today.event.none')}</p>
        )}
      </Item>
      <Item id="messages" title={t('today.messages.title')}>
        <p>
          {today.unreadMessages > 0 ? (
            <Link to={paths.messages}>{t('today.messages.unread', { count: today.unreadMessages })}</Link>
          ) : (
            <span className="muted">{t('today.messages.none')}</span>
          )}
        </p>
      </Item>
    </ul>
  );
}

/**
 * "Today" on the home page: today's check-in (members), a coach's day, clocks, the next session,
 * meeting and event, unread messages. Each part says plainly when there is nothing yet, and where to
 * start it.
 */
export function TodayPanel() {
  const { t } = useTranslation();
  const today = useToday();
  const when = useWhen(today.data?.timezone ?? 'UTC');
  return (
    <section className="stack-sm today" aria-labelledby="today-heading" aria-busy={today.isPending || undefined}>
      <h2 id="today-heading">{today.data ? t('today.heading', { date: when.day(today.data.date) }) : t('today.headingPlain')}</h2>
      {today.isPending ? <Loading label={t('today.loading')} /> : null}
      {today.isError ? <QueryError error={today.error} onRetry={() => void today.refetch()} /> : null}
      {today.data ? <TodayItems today={today.data} /> : null}
    </section>
  );
}
