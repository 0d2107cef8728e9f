import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CrisisHelp } from '../crisis-help.tsx';

export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="skip-link" href="#main">
      {t('common.skipToContent')}
    </a>
  );
}

export function SiteHeader({ homeHref }: { homeHref: string }) {
  const { t } = useTranslation();
  return (
    <header className="site-header">
      <Link to={homeHref} className="brand">
        <img src="/favicon.svg" alt="" width="32" height="32" />
        <span>{t('app.name')}</span>
      </Link>
      <CrisisHelp />
    </header>
  );
}
