import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormAlert } from '../../components/ui/form-alert.tsx';
import { PageHeading } from '../../components/ui/page-heading.tsx';
import { MfaForm } from '../../features/auth/components/mfa-form.tsx';
import { SignInForm } from '../../features/auth/components/sign-in-form.tsx';
import { paths } from '../../lib/paths.ts';
import { accountJustDeleted, useSessionData } from '../../lib/session.ts';

export function SignInPage() {
  const { t } = useTranslation();
  const session = useSessionData();
  const [goodbye] = useState(accountJustDeleted);
  if (session.mfaPending) {
    return (
      <div className="stack">
        <PageHeading title={t('mfa.title')} lead={t('mfa.lead')} />
        <MfaForm />
      </div>
    );
  }
  const organization = session.organization?.name;
  return (
    <div className="stack">
      {goodbye ? <FormAlert tone="success">{t('myData.goodbye')}</FormAlert> : null}
      <PageHeading title={t('signIn.title')} lead={organization ? t('signIn.leadOrg', { organization }) : t('signIn.lead')} />
      <SignInForm forgotPasswordHref={paths.forgotPassword} signUpHref={session.organization?.openSignup ? paths.signUp : null} />
      <p>
        <Link to={paths.meetings}>{t('meetings.findLink')}</Link>
      </p>
    </div>
  );
}
