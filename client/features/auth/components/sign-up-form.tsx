import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { signUpSchema } from '../../../../shared/contracts/auth.ts';
import { EmailField } from '../../../components/ui/account-fields.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { ValidatedForm } from '../../../components/ui/validated-form.tsx';
import { formString } from '../../../lib/form-errors.ts';
import { useValidatedForm } from '../../../lib/use-validated-form.ts';
import { useSignUp } from '../api/sign-up.ts';
import { EmailSent } from './email-sent.tsx';

/** Step one of open sign-up: the address. The emailed link finishes the account (alias and password). */
export function SignUpForm({ signInHref }: { signInHref: string }) {
  const { t } = useTranslation();
  const form = useValidatedForm();
  const signUp = useSignUp();
  const [sentTo, setSentTo] = useState<string | null>(null);

  if (sentTo) return <EmailSent message={t('signUp.sent', { email: sentTo })} signInHref={signInHref} />;

  return (
    <ValidatedForm
      form={form}
      onValues={(data) =>
        form.submit(
          signUpSchema,
          { email: formString(data, 'email') },
          async (input) => {
            await signUp.mutateAsync(input);
            setSentTo(input.email);
          },
          { FORBIDDEN: t('signUp.closed') },
        )
      }
    >
      <EmailField name="email" description={t('signUp.emailHint')} autoComplete="email" error={form.errors.email} />
      <Button type="submit" isPending={form.pending}>
        {t('signUp.submit')}
      </Button>
      <p className="form-links">
        <Link to={signInHref}>{t('signUp.haveAccount')}</Link>
      </p>
    </ValidatedForm>
  );
}
