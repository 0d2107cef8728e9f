import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../components/ui/page-heading.tsx';
import { SignUpForm } from '../../features/auth/components/sign-up-form.tsx';
import { paths } from '../../lib/paths.ts';
import { useSessionData } from '../../lib/session.ts';

export function SignUpPage() {
  const { t } = useTranslation();
  const { organization } = useSessionData();
  if (!organization?.openSignup) {
    return (
      <div className="stack">
        <PageHeading title={t('signUp.title')} lead={t('signUp.closed')} />
        <p>
          <Link to={paths.signIn}>{t('signUp.haveAccount')}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="stack">
      <PageHeading title={t('signUp.title')} lead={t('signUp.lead', { organization: organization.name })} />
      <SignUpForm signInHref={paths.signIn} />
    </div>
  );
}
