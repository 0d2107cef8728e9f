import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { resetRequestSchema } from '../../../../shared/contracts/auth.ts';
import { EmailField } from '../../../components/ui/account-fields.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { ValidatedForm } from '../../../components/ui/validated-form.tsx';
import { formString } from '../../../lib/form-errors.ts';
import { useValidatedForm } from '../../../lib/use-validated-form.ts';
import { useRequestPasswordReset } from '../api/password-reset.ts';
import { EmailSent } from './email-sent.tsx';

export function ForgotPasswordForm({ signInHref }: { signInHref: string }) {
  const { t } = useTranslation();
  const form = useValidatedForm();
  const request = useRequestPasswordReset();
  const [sent, setSent] = useState(false);

  if (sent) return <EmailSent message={t('forgot.sent')} signInHref={signInHref} />;

  return (
    <ValidatedForm
      form={form}
      onValues={(data) =>
        form.submit(resetRequestSchema, { email: formString(data, 'email') }, async (input) => {
          await request.mutateAsync(input);
          setSent(true);
        })
      }
    >
      <EmailField name="email" autoComplete="email" error={form.errors.email} />
      <Button type="submit" isPending={form.pending}>
        {t('forgot.submit')}
      </Button>
      <p className="form-links">
        <Link to={signInHref}>{t('forgot.backToSignIn')}</Link>
      </p>
    </ValidatedForm>
  );
}
