import { useTranslation } from 'react-i18next';
import type { MeetingDetail } from '../../../../shared/contracts/meetings.ts';
import { PageSection } from '../../../components/ui/page-section.tsx';

type Line = { key: string; label: string; href: string; text: string };

/** The group's public contact details as the feed publishes them; nothing when there are none. */
export function MeetingContact({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const lines: Line[] = [];
  const site = meeting.website ?? meeting.url;
  if (site) lines.push({ key: 'website', label: t('meetings.detail.website'), href: site, text: site });
  if (meeting.email) lines.push({ key: 'email', label: t('meetings.detail.email'), href: `mailto:${meeting.email}`, text: meeting.email });
  if (meeting.phone) lines.push({ key: 'phone', label: t('meetings.detail.phone'), href: `tel:${meeting.phone}`, text: meeting.phone });
  meeting.contacts.forEach((contact, index) => {
    const who = contact.name ?? t('meetings.detail.contact');
    if (contact.email) lines.push({ key: `c${index}e`, label: who, href: `mailto:${contact.email}`, text: contact.email });
    if (contact.phone) lines.push({ key: `c${index}p`, label: who, href: `tel:${contact.phone}`, text: contact.phone });
  });
  if (meeting.entity?.url) {
    lines.push({
      key: 'entity',
      label: meeting.entity.name ?? t('meetings.detail.website'),
      href: meeting.entity.url,
      text: meeting.entity.url,
    });
  }
  if (lines.length === 0) return null;
  return (
    <PageSection id="meeting-contact" title={t('meetings.detail.contact')}>
      <dl className="details">
        {lines.map((line) => (
          <div key={line.key}>
            <dt>{line.label}</dt>
            <dd>
              <a href={line.href} rel="noopener noreferrer" target={line.href.startsWith('http') ? '_blank' : undefined}>
                {line.text}
              </a>
            </dd>
          </div>
        ))}
      </dl>
    </PageSection>
  );
}
