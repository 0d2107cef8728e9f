import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { Button } from '../../components/ui/button.tsx';
import { FormAlert } from '../../components/ui/form-alert.tsx';
import { PageHeading } from '../../components/ui/page-heading.tsx';
import { AcceptInviteForm } from '../../features/invites/components/accept-invite-form.tsx';
import { signOut, useSessionData } from '../../lib/session.ts';
import { paths } from '../paths.ts';
import { useFragmentToken } from './use-fragment-token.ts';

export function AcceptInvitePage() {
  const { t } = useTranslation();
  const token = useFragmentToken();
  const queryClient = useQueryClient();
  const { user } = useSessionData();
  const [accepted, setAccepted] = useState(false);
  // Whoever was signed in when the page opened; accepting signs in as the new account.
  const [signedInAs] = useState(user?.alias ?? null);

  if (accepted) return <Navigate to={paths.home} replace />;
  return (
    <div className="stack">
      <PageHeading title={t('invite.title')} />
      {signedInAs && user ? (
        <FormAlert tone="info">
          <p>{t('invite.signedIn', { alias: signedInAs })}</p>
          <Button variant="secondary" onPress={() => signOut(queryClient)}>
            {t('common.signOut')}
          </Button>
        </FormAlert>
      ) : (
        <AcceptInviteForm token={token} onAccepted={() => setAccepted(true)} />
      )}
    </div>
  );
}
