import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/ui/page-heading.tsx';
import { SetupForm } from '../../features/auth/components/setup-form.tsx';

export function SetupPage() {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <PageHeading title={t('setup.title')} lead={t('setup.lead')} />
      <SetupForm />
    </div>
  );
}
