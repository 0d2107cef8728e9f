import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { signUpSchema } from '../../../../shared/contracts/auth.ts';
import { Button } from '../../../components/ui/button.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { formString } from '../../../lib/form-errors.ts';
import { useValidatedForm } from '../../../lib/use-validated-form.ts';
import { useSignUp } from '../api/sign-up.ts';

/** Step one of open sign-up: the address. The emailed link finishes the account (alias and password). */
export function SignUpForm({ signInHref }: { signInHref: string }) {
  const { t } = useTranslation();
  const form = useValidatedForm();
  const signUp = useSignUp();
  const [sentTo, setSentTo] = useState<string | null>(null);

  if (sentTo) {
    return (
      <div className="stack">
        <FormAlert tone="success">{t('signUp.sent', { email: sentTo })}</FormAlert>
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
        void form.submit(
          signUpSchema,
          { email: formString(data, 'email') },
          async (input) => {
            await signUp.mutateAsync(input);
            setSentTo(input.email);
          },
          { FORBIDDEN: t('signUp.closed') },
        );
      }}
    >
      {form.formError ? <FormAlert>{form.formError}</FormAlert> : null}
      <TextField
        name="email"
        type="email"
        label={t('fields.email')}
        description={t('signUp.emailHint')}
        autoComplete="email"
        inputMode="email"
        spellCheck={false}
        isRequired
        error={form.errors.email}
      />
      <Button type="submit" isPending={form.pending}>
        {t('signUp.submit')}
      </Button>
      <p className="form-links">
        <Link to={signInHref}>{t('signUp.haveAccount')}</Link>
      </p>
    </form>
  );
}
