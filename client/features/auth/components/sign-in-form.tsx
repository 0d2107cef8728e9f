import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { signInSchema } from '../../../../shared/contracts/auth.ts';
import { Button } from '../../../components/ui/button.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { formString } from '../../../lib/form-errors.ts';
import { useValidatedForm } from '../../../lib/use-validated-form.ts';
import { useSignIn } from '../api/sign-in.ts';

type Props = { forgotPasswordHref: string; signUpHref: string | null };

export function SignInForm({ forgotPasswordHref, signUpHref }: Props) {
  const { t } = useTranslation();
  const form = useValidatedForm();
  const signIn = useSignIn();

  return (
    <form
      ref={form.formRef}
      noValidate
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        void form.submit(
          signInSchema,
          { email: formString(data, 'email'), password: formString(data, 'password') },
          async (input) => {
            await signIn.mutateAsync(input);
          },
          { UNAUTHENTICATED: t('signIn.wrongCredentials'), BAD_REQUEST: t('signIn.wrongCredentials') },
        );
      }}
    >
      {form.formError ? <FormAlert>{form.formError}</FormAlert> : null}
      <TextField
        name="email"
        type="email"
        label={t('fields.email')}
        autoComplete="username"
        inputMode="email"
        spellCheck={false}
        isRequired
        error={form.errors.email}
      />
      <TextField
        name="password"
        type="password"
        label={t('fields.password')}
        autoComplete="current-password"
        isRequired
        error={form.errors.password}
      />
      <Button type="submit" isPending={form.pending}>
        {t('signIn.submit')}
      </Button>
      <p className="form-links">
        <Link to={forgotPasswordHref}>{t('signIn.forgot')}</Link>
        {signUpHref ? <Link to={signUpHref}>{t('signIn.noAccount')}</Link> : null}
      </p>
    </form>
  );
}
