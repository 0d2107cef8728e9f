import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/ui/page-heading.tsx';
import { TrendsView } from '../../features/checkins/components/trends-view.tsx';

export function TrendsPage() {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <PageHeading title={t('trends.title')} lead={t('trends.lead')} />
      <TrendsView />
    </div>
  );
}
