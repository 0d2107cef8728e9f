import { useTranslation } from 'react-i18next';
import type { MeetingDetail } from '../../../../shared/contracts/meetings.ts';

/**
 * Links that open the place elsewhere: `geo:` hands it to the phone's own maps app; OpenStreetMap
 * works everywhere else. No map is drawn here, so the page costs nothing extra to load.
 */
function mapLinks(meeting: MeetingDetail): { geo: string | null; web: string | null } {
  const label = meeting.location ?? meeting.name;
  if (meeting.latitude !== null && meeting.longitude !== null) {
    const at = `${meeting.latitude},${meeting.longitude}`;
    return {
      geo: `geo:${at}?q=${at}(${encodeURIComponent(label)})`,
      web: `https://www.openstreetmap.org/?mlat=${meeting.latitude}&mlon=${meeting.longitude}#map=17/${meeting.latitude}/${meeting.longitude}`,
    };
  }
  const address = meeting.formattedAddress ?? [meeting.address, meeting.city, meeting.state, meeting.country].filter(Boolean).join(', ');
  if (!address) return { geo: null, web: null };
  return {
    geo: `geo:0,0?q=${encodeURIComponent(address)}`,
    web: `https://www.openstreetmap.org/search?query=${encodeURIComponent(address)}`,
  };
}

export function MeetingPlace({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const links = mapLinks(meeting);
  const address =
    meeting.formattedAddress ??
    ([meeting.address, meeting.city, meeting.state, meeting.postalCode, meeting.country].filter(Boolean).join(', ') || null);
  return (
    <div className="stack">
      {meeting.location ? <p className="meeting-place-name">{meeting.location}</p> : null}
      {address ? <address className="break-word">{address}</address> : null}
      {meeting.locationNotes ? <p className="pre-line break-word">{meeting.locationNotes}</p> : null}
      {meeting.approximate ? <p className="muted">{t('meetings.detail.approximate')}</p> : null}
      {links.geo || links.web ? (
        <p className="meeting-links">
          {links.geo ? <a href={links.geo}>{t('meetings.detail.openMap')}</a> : null}
          {links.web ? (
            <a href={links.web} target="_blank" rel="noopener noreferrer">
              {t('meetings.detail.openOsm')}
            </a>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
