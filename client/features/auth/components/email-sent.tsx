import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormAlert } from '../../../components/ui/form-alert.tsx';

/** In place of a form that sent an email: what to look for in the inbox, and the way back to sign in. */
export function EmailSent({ message, signInHref }: { message: string; signInHref: string }) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <FormAlert tone="success">{message}</FormAlert>
      <p>
        <Link to={signInHref}>{t('forgot.backToSignIn')}</Link>
      </p>
    </div>
  );
}
