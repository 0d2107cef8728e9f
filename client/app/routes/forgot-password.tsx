import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/ui/page-heading.tsx';
import { ForgotPasswordForm } from '../../features/auth/components/forgot-password-form.tsx';
import { paths } from '../../lib/paths.ts';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <PageHeading title={t('forgot.title')} lead={t('forgot.lead')} />
      <ForgotPasswordForm signInHref={paths.signIn} />
    </div>
  );
}
