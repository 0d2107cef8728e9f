import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { MeetingListItem } from '../../../../shared/contracts/meetings.ts';
import { paths } from '../../../lib/paths.ts';
import type { FromFinder } from './meeting-detail.tsx';
import { startLabel } from './meeting-time.ts';
import { typeName } from './type-names.ts';

const STATUS_TONE = { in_progress: 'badge-good', starting_soon: 'badge-warn', later: 'badge-neutral' } as const;

/** One result: when (in the viewer's zone), the name as the link, how to attend, where, how far. */
export function MeetingCard({ meeting }: { meeting: MeetingListItem }) {
  const { t, i18n } = useTranslation();
  const { search } = useLocation();
  const from: FromFinder = { finderSearch: search };
  const place = meeting.location ?? meeting.formattedAddress ?? meeting.regions[0] ?? null;
  const distance =
    meeting.distanceKm === null
      ? null
      : t('meetings.results.distance', {
          distance: new Intl.NumberFormat(i18n.language, { maximumFractionDigits: meeting.distanceKm < 10 ? 1 : 0 }).format(
            meeting.distanceKm,
          ),
        });
  const shownTypes = meeting.types.filter((code) => code !== 'X' && code !== 'XB').slice(0, 3);
  return (
    <li className="card meeting-card">
      <p className="meeting-card-when">
        <span className={`badge ${meeting.status ? STATUS_TONE[meeting.status] : 'badge-neutral'}`}>{startLabel(meeting, t)}</span>
      </p>
      <h3 className="meeting-card-name">
        <Link to={paths.meeting.to(meeting.id)} state={from}>
          {meeting.name}
        </Link>
      </h3>
      <p className="meeting-card-meta">
        <span>{t(`meetings.modes.${meeting.attendanceMode}`)}</span>
        {meeting.fellowship ? <span>{meeting.fellowship}</span> : null}
        {distance ? <span>{distance}</span> : null}
      </p>
      {place && meeting.attendanceMode !== 'online' ? <p className="muted break-word">{place}</p> : null}
      {shownTypes.length > 0 ? <p className="muted meeting-card-types">{shownTypes.map(typeName).join(' · ')}</p> : null}
    </li>
  );
}
