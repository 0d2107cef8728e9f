import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { resetRequestSchema } from '../../../../shared/contracts/auth.ts';
import { Button } from '../../../components/ui/button.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { formString } from '../../../lib/form-errors.ts';
import { useValidatedForm } from '../../../lib/use-validated-form.ts';
import { useRequestPasswordReset } from '../api/password-reset.ts';

export function ForgotPasswordForm({ signInHref }: { signInHref: string }) {
  const { t } = useTranslation();
  const form = useValidatedForm();
  const request = useRequestPasswordReset();
  const [sent, setSent] = useState(false);

  if (sent) {
    return (
      <div className="stack">
        <FormAlert tone="success">{t('forgot.sent')}</FormAlert>
        <p>
          <Link to={signInHref}>{t('forgot.backToSignIn')}</Link>
        </p>
      </div>
    );
  }

  return (
    <form
      ref={form.formRef}
      noValidate
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        void form.submit(resetRequestSchema, { email: formString(data, 'email') }, async (input) => {
          await request.mutateAsync(input);
          setSent(true);
        });
      }}
    >
      {form.formError ? <FormAlert>{form.formError}</FormAlert> : null}
      <TextField
        name="email"
        type="email"
        label={t('fields.email')}
        autoComplete="email"
        inputMode="email"
        spellCheck={false}
        isRequired
        error={form.errors.email}
      />
      <Button type="submit" isPending={form.pending}>
        {t('forgot.submit')}
      </Button>
      <p className="form-links">
        <Link to={signInHref}>{t('forgot.backToSignIn')}</Link>
      </p>
    </form>
  );
}
