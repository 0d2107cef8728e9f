import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/ui/page-heading.tsx';
import { ResetPasswordForm } from '../../features/auth/components/reset-password-form.tsx';
import { paths } from '../../lib/paths.ts';
import { useFragmentToken } from './use-fragment-token.ts';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const token = useFragmentToken();
  return (
    <div className="stack">
      <PageHeading title={t('reset.title')} lead={t('reset.lead')} />
      <ResetPasswordForm token={token} signInHref={paths.signIn} forgotPasswordHref={paths.forgotPassword} />
    </div>
  );
}
