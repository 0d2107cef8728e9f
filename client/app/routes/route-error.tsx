import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../../components/layouts/auth-layout.tsx';
import { PageHeading } from '../../components/ui/page-heading.tsx';
import { paths } from '../../lib/paths.ts';

/** Last resort when a screen crashes: an apology, a way back, and help still one tap away. */
export function RouteError() {
  const { t } = useTranslation();
  return (
    <AuthLayout homeHref={paths.home}>
      <div className="stack">
        <PageHeading title={t('routeError.title')} lead={t('routeError.body')} />
        <p>
          <a className="btn btn-primary" href={paths.home}>
            {t('routeError.reload')}
          </a>
        </p>
      </div>
    </AuthLayout>
  );
}
