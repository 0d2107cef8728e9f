import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { Button } from '../../components/ui/button.tsx';
import { FormAlert } from '../../components/ui/form-alert.tsx';
import { PageHeading } from '../../components/ui/page-heading.tsx';
import { useInvitePreview } from '../../features/invites/api/accept-invite.ts';
import { AcceptInviteForm } from '../../features/invites/components/accept-invite-form.tsx';
import { paths } from '../../lib/paths.ts';
import { signOut, useSessionData } from '../../lib/session.ts';
import { useFragmentToken } from './use-fragment-token.ts';

export function AcceptInvitePage() {
  const { t } = useTranslation();
  const token = useFragmentToken();
  const queryClient = useQueryClient();
  const { user } = useSessionData();
  const [accepted, setAccepted] = useState(false);
  // The same (cached) preview the form reads: an invitation from the organization gets a welcoming heading.
  const preview = useInvitePreview(token);
  const title =
    preview.data?.kind === 'invite' ? t('invite.invitedTitle', { organization: preview.data.organizationName }) : t('invite.title');
  // Whoever was signed in when the page opened; accepting signs in as the new account.
  const [signedInAs] = useState(user?.alias ?? null);

  if (accepted) return <Navigate to={paths.home} replace />;
  return (
    <div className="stack">
      <PageHeading title={title} />
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
