import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../components/ui/page-heading.tsx';
import { paths } from '../../lib/paths.ts';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <PageHeading title={t('notFound.title')} lead={t('notFound.body')} />
      <p>
        <Link to={paths.home}>{t('notFound.home')}</Link>
      </p>
    </div>
  );
}
