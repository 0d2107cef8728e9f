import { useTranslation } from 'react-i18next';
import { SignOutButton } from '../../components/sign-out-button.tsx';
import { PageHeading } from '../../components/ui/page-heading.tsx';
import { PageSection } from '../../components/ui/page-section.tsx';
import { DeleteAccountForm } from '../../features/my-data/components/delete-account-form.tsx';
import { DownloadMyData } from '../../features/my-data/components/download-my-data.tsx';
import { ChangePasswordForm } from '../../features/security/components/change-password-form.tsx';
import { TwoFactorSection } from '../../features/security/components/two-factor-section.tsx';
import { useSessionData } from '../../lib/session.ts';

export function SecurityPage() {
  const { t } = useTranslation();
  const { user } = useSessionData();
  if (!user) return null;
  return (
    <div className="stack-lg">
      <PageHeading title={t('security.title')} lead={t('security.lead')} />
      <PageSection id="security-2fa" title={t('security.twoFactor.title')}>
        <div className="card">
          <TwoFactorSection enabled={user.mfaEnabled} setupRequired={user.mfaSetupRequired} />
        </div>
      </PageSection>
      <PageSection id="security-password" title={t('security.password.title')}>
        <div className="card">
          <ChangePasswordForm email={user.email} />
        </div>
      </PageSection>
      <PageSection id="security-sign-out" title={t('security.signOut.title')}>
        <div className="card stack">
          <p>{t('security.signOut.lead')}</p>
          <SignOutButton variant="secondary" />
        </div>
      </PageSection>
      <PageSection id="my-data" title={t('myData.title')} lead={t('myData.lead')}>
        <div className="card stack">
          <h3>{t('myData.download.title')}</h3>
          <DownloadMyData />
        </div>
        <div className="card stack">
          <h3>{t('myData.delete.title')}</h3>
          <DeleteAccountForm />
        </div>
      </PageSection>
    </div>
  );
}
