import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { signUpSchema } from '../../../../shared/contracts/auth.ts';
import { LIMITS } from '../../../../shared/limits.ts';
import { Button } from '../../../components/ui/button.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { formString } from '../../../lib/form-errors.ts';
import { useValidatedForm } from '../../../lib/use-validated-form.ts';
import { useSignUp } from '../api/sign-up.ts';

export function SignUpForm({ signInHref }: { signInHref: string }) {
  const { t } = useTranslation();
  const form = useValidatedForm();
  const signUp = useSignUp();

  return (
    <form
      ref={form.formRef}
      noValidate
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const input = {
          email: formString(data, 'email'),
          alias: formString(data, 'alias'),
          password: formString(data, 'password'),
        };
        void form.submit(
          signUpSchema,
          input,
          async (valid) => {
            await signUp.mutateAsync(valid);
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
        autoComplete="email"
        inputMode="email"
        spellCheck={false}
        isRequired
        error={form.errors.email}
      />
      <TextField
        name="alias"
        label={t('fields.alias')}
        description={t('fields.aliasHint')}
        autoComplete="nickname"
        isRequired
        error={form.errors.alias}
      />
      <TextField
        name="password"
        type="password"
        label={t('fields.password')}
        description={t('fields.newPasswordHint', { count: LIMITS.passwordMin })}
        autoComplete="new-password"
        isRequired
        error={form.errors.password}
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
