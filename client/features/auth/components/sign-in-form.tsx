import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { signInSchema } from '../../../../shared/contracts/auth.ts';
import { CurrentPasswordField, EmailField } from '../../../components/ui/account-fields.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { ValidatedForm } from '../../../components/ui/validated-form.tsx';
import { formString } from '../../../lib/form-errors.ts';
import { useValidatedForm } from '../../../lib/use-validated-form.ts';
import { useSignIn } from '../api/sign-in.ts';

type Props = { forgotPasswordHref: string; signUpHref: string | null };

export function SignInForm({ forgotPasswordHref, signUpHref }: Props) {
  const { t } = useTranslation();
  const form = useValidatedForm();
  const signIn = useSignIn();

  return (
    <ValidatedForm
      form={form}
      onValues={(data) =>
        form.submit(
          signInSchema,
          { email: formString(data, 'email'), password: formString(data, 'password') },
          async (input) => {
            await signIn.mutateAsync(input);
          },
          { UNAUTHENTICATED: t('signIn.wrongCredentials'), BAD_REQUEST: t('signIn.wrongCredentials') },
        )
      }
    >
      <EmailField name="email" autoComplete="username" error={form.errors.email} />
      <CurrentPasswordField name="password" label={t('fields.password')} error={form.errors.password} />
      <Button type="submit" isPending={form.pending}>
        {t('signIn.submit')}
      </Button>
      <p className="form-links">
        <Link to={forgotPasswordHref}>{t('signIn.forgot')}</Link>
        {signUpHref ? <Link to={signUpHref}>{t('signIn.noAccount')}</Link> : null}
      </p>
    </ValidatedForm>
  );
}
