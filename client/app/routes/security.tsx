import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/button.tsx';
import { PageHeading } from '../../components/ui/page-heading.tsx';
import { ChangePasswordForm } from '../../features/security/components/change-password-form.tsx';
import { TwoFactorSection } from '../../features/security/components/two-factor-section.tsx';
import { signOut, useSessionData } from '../../lib/session.ts';

export function SecurityPage() {
  const { t } = useTranslation();
  const { user } = useSessionData();
  const queryClient = useQueryClient();
  const [signingOut, setSigningOut] = useState(false);
  if (!user) return null;
  return (
    <div className="stack-lg">
      <PageHeading title={t('security.title')} lead={t('security.lead')} />
      <section className="section" aria-labelledby="security-2fa">
        <h2 id="security-2fa">{t('security.twoFactor.title')}</h2>
        <div className="card">
          <TwoFactorSection enabled={user.mfaEnabled} setupRequired={user.mfaSetupRequired} />
        </div>
      </section>
      <section className="section" aria-labelledby="security-password">
        <h2 id="security-password">{t('security.password.title')}</h2>
        <div className="card">
          <ChangePasswordForm email={user.email} />
        </div>
      </section>
      <section className="section" aria-labelledby="security-sign-out">
        <h2 id="security-sign-out">{t('security.signOut.title')}</h2>
        <div className="card stack">
          <p>{t('security.signOut.lead')}</p>
          <Button
            variant="secondary"
            isPending={signingOut}
            onPress={async () => {
              setSigningOut(true);
              try {
                await signOut(queryClient);
              } finally {
                setSigningOut(false);
              }
            }}
          >
            {t('common.signOut')}
          </Button>
        </div>
      </section>
    </div>
  );
}
