import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { MeetingFinder } from '../../../features/meetings/components/meeting-finder.tsx';

/** The public meeting finder: anyone may search the directory, signed in or not. */
export function FinderPage() {
  const { t } = useTranslation();
  return (
    <div className="stack-lg">
      <PageHeading title={t('meetings.finder.title')} lead={t('meetings.finder.lead')} />
      <MeetingFinder />
    </div>
  );
}
