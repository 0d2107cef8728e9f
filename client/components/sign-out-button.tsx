import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { signOut } from '../lib/session.ts';
import { Button } from './ui/button.tsx';

/** Ends the session, with a spinner on the button until the server has answered. */
export function SignOutButton({ variant }: { variant: 'secondary' | 'quiet' }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [signingOut, setSigningOut] = useState(false);
  return (
    <Button
      variant={variant}
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
  );
}
