import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { MeetingDetail } from '../../../../shared/contracts/meetings.ts';
import { Loading } from '../../../components/ui/loading.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { PageSection } from '../../../components/ui/page-section.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { formatDate, formatLanguages } from '../../../lib/format.ts';
import { paths } from '../../../lib/paths.ts';
import { meetingCalendarHref, useMeeting } from '../api/meetings.ts';
import { viewerTimeZone } from './finder-filters.ts';
import { MeetingContact } from './meeting-contact.tsx';
import { MeetingPlace } from './meeting-place.tsx';
import { clockTime, instantIn, nextWeeklyStart, weekdayName, zoneName } from './meeting-time.ts';
import { typeName } from './type-names.ts';
import './meetings.css';

/** Where the finder's "back" goes: the search the visitor came from, when they came from one. */
export type FromFinder = { finderSearch?: string } | null;

function Schedule({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const viewerZone = useMemo(viewerTimeZone, []);
  if (meeting.day === null || meeting.time === null) return <p>{t('meetings.status.byAppointment')}</p>;
  const weekday = weekdayName(meeting.day);
  const start = clockTime(meeting.time);
  const next = nextWeeklyStart(meeting.day, meeting.time, meeting.timezone);
  return (
    <div className="stack">
      <p className="meeting-schedule">
        {meeting.endTime
          ? t('meetings.detail.weeklyUntil', { weekday, start, end: clockTime(meeting.endTime) })
          : t('meetings.detail.weekly', { weekday, start })}
      </p>
      <p className="muted">{t('meetings.detail.zone', { zone: zoneName(meeting.timezone) })}</p>
      {next && zoneName(viewerZone, next) !== zoneName(meeting.timezone, next) ? (
        <p>
          {t('meetings.detail.yourTime', { zone: zoneName(viewerZone, next), time: instantIn(next.toISOString(), viewerZone, 'long') })}
        </p>
      ) : null}
      <p>
        <a className="btn btn-secondary" href={meetingCalendarHref(meeting.id)} download>
          {t('meetings.detail.calendar')}
        </a>
      </p>
    </div>
  );
}

function Attendance({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <p>{t(`meetings.modes.${meeting.attendanceMode}`)}</p>
      {meeting.conferenceUrl ? (
        <p>
          <a className="btn btn-primary" href={meeting.conferenceUrl} target="_blank" rel="noopener noreferrer">
            {t('meetings.detail.join')}
          </a>
        </p>
      ) : null}
      {meeting.conferenceUrlNotes ? <p className="pre-line break-word">{meeting.conferenceUrlNotes}</p> : null}
      {meeting.conferencePhone ? (
        <p>
          <a href={`tel:${meeting.conferencePhone}`}>{t('meetings.detail.dial', { phone: meeting.conferencePhone })}</a>
        </p>
      ) : null}
      {meeting.conferencePhoneNotes ? <p className="pre-line break-word">{meeting.conferencePhoneNotes}</p> : null}
    </div>
  );
}

function About({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const rows: [string, React.ReactNode][] = [];
  if (meeting.fellowship) rows.push([t('meetings.detail.fellowship'), meeting.fellowship]);
  if (meeting.types.length + meeting.customTypes.length > 0) {
    rows.push([
      t('meetings.detail.types'),
      <ul className="tag-list" key="types">
        {[...meeting.types.map(typeName), ...meeting.customTypes].map((name) => (
          <li key={name} className="tag">
            {name}
          </li>
        ))}
      </ul>,
    ]);
  }
  if (meeting.languages.length > 0) rows.push([t('meetings.detail.languages'), formatLanguages(meeting.languages)]);
  if (meeting.regions.length > 0) rows.push([t('meetings.detail.regions'), meeting.regions.join(' › ')]);
  if (meeting.group)
    rows.push([t('meetings.detail.group'), meeting.groupNotes ? `${meeting.group} — ${meeting.groupNotes}` : meeting.group]);
  return (
    <div className="stack">
      {rows.length > 0 ? (
        <dl className="details">
          {rows.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {meeting.notes ? <p className="pre-line break-word">{meeting.notes}</p> : null}
    </div>
  );
}

/**
 * One meeting, every useful field; public. The two slots are filled by the page from other features: `actions` under
 * the name (saved meetings, "I went"), `help` before the contact (what to expect, a first-meeting buddy).
 */
export function MeetingDetailView({
  id,
  actions,
  help,
}: {
  id: string;
  actions: (meeting: MeetingDetail) => ReactNode;
  help: (meeting: MeetingDetail) => ReactNode;
}) {
  const { t } = useTranslation();
  const state = useLocation().state as FromFinder;
  const meeting = useMeeting(id);
  const back = (
    <p>
      <Link to={`${paths.meetings}${state?.finderSearch ?? ''}`}>← {t('meetings.detail.back')}</Link>
    </p>
  );
  if (meeting.isPending) return <Loading />;
  if (meeting.isError) {
    const gone = isApiError(meeting.error, 'NOT_FOUND') || isApiError(meeting.error, 'BAD_REQUEST');
    return (
      <div className="stack">
        <PageHeading title={t('meetings.detail.notFound')} />
        {gone ? null : <QueryError error={meeting.error} onRetry={() => void meeting.refetch()} />}
        {back}
      </div>
    );
  }
  const m = meeting.data;
  return (
    <div className="stack-lg meeting-detail">
      {back}
      <PageHeading title={m.name} lead={m.location ?? undefined} />
      {actions(m)}
      <PageSection id="meeting-when" title={t('meetings.detail.schedule')}>
        <Schedule meeting={m} />
      </PageSection>
      <PageSection id="meeting-attend" title={t('meetings.detail.attendance')}>
        <Attendance meeting={m} />
      </PageSection>
      {m.attendanceMode !== 'online' || m.formattedAddress ? (
        <PageSection id="meeting-where" title={t('meetings.detail.where')}>
          <MeetingPlace meeting={m} />
        </PageSection>
      ) : null}
      <PageSection id="meeting-about" title={t('meetings.detail.about')}>
        <About meeting={m} />
      </PageSection>
      {help(m)}
      <MeetingContact meeting={m} />
      {m.updated ? <p className="muted">{t('meetings.detail.updated', { date: formatDate(m.updated) })}</p> : null}
    </div>
  );
}
