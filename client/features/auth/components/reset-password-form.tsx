import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { resetCompleteSchema } from '../../../../shared/contracts/auth.ts';
import { NewPasswordField } from '../../../components/ui/account-fields.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { ValidatedForm } from '../../../components/ui/validated-form.tsx';
import { formString } from '../../../lib/form-errors.ts';
import { useValidatedForm } from '../../../lib/use-validated-form.ts';
import { useCompletePasswordReset } from '../api/password-reset.ts';

type Props = { token: string | null; signInHref: string; forgotPasswordHref: string };

export function ResetPasswordForm({ token, signInHref, forgotPasswordHref }: Props) {
  const { t } = useTranslation();
  const form = useValidatedForm();
  const complete = useCompletePasswordReset();
  const [done, setDone] = useState(false);

  if (!token) {
    return (
      <div className="stack">
        <FormAlert>{t('reset.missingToken')}</FormAlert>
        <p>
          <Link to={forgotPasswordHref}>{t('reset.requestNew')}</Link>
        </p>
      </div>
    );
  }

  if (done) {
    return (
      <div className="stack">
        <FormAlert tone="success">{t('reset.done')}</FormAlert>
        <p>
          <Link className="btn btn-primary" to={signInHref}>
            {t('signIn.submit')}
          </Link>
        </p>
      </div>
    );
  }

  const expired = t('reset.expired');
  return (
    <ValidatedForm
      form={form}
      onValues={(data) =>
        form.submit(
          resetCompleteSchema,
          { token, password: formString(data, 'password') },
          async (input) => {
            await complete.mutateAsync(input);
            setDone(true);
          },
          { GONE: expired, NOT_FOUND: expired, BAD_REQUEST: expired },
        )
      }
      errorAction={<Link to={forgotPasswordHref}>{t('reset.requestNew')}</Link>}
    >
      {form.errors.token ? <FormAlert>{expired}</FormAlert> : null}
      <NewPasswordField name="password" label={t('fields.newPassword')} error={form.errors.password} />
      <Button type="submit" isPending={form.pending}>
        {t('reset.submit')}
      </Button>
    </ValidatedForm>
  );
}
