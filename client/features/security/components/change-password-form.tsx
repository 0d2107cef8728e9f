import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changePasswordSchema } from '../../../../shared/contracts/auth.ts';
import { CurrentPasswordField, NewPasswordField } from '../../../components/ui/account-fields.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { ValidatedForm } from '../../../components/ui/validated-form.tsx';
import { formString } from '../../../lib/form-errors.ts';
import { useValidatedForm } from '../../../lib/use-validated-form.ts';
import { useChangePassword } from '../api/security.ts';

export function ChangePasswordForm({ email }: { email: string }) {
  const { t } = useTranslation();
  const form = useValidatedForm();
  const change = useChangePassword();
  const [done, setDone] = useState(false);

  return (
    <ValidatedForm
      form={form}
      onValues={(data) => {
        setDone(false);
        return form.submit(
          changePasswordSchema,
          { currentPassword: formString(data, 'currentPassword'), newPassword: formString(data, 'newPassword') },
          async (input) => {
            await change.mutateAsync(input);
            setDone(true);
            form.resetInputs();
          },
          { UNAUTHENTICATED: t('security.password.wrongCurrent'), FORBIDDEN: t('security.password.wrongCurrent') },
        );
      }}
      intro={done ? <FormAlert tone="success">{t('security.password.done')}</FormAlert> : null}
    >
      {/* Lets password managers know which account this is for. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <CurrentPasswordField name="currentPassword" label={t('fields.currentPassword')} error={form.errors.currentPassword} />
      <NewPasswordField name="newPassword" label={t('fields.newPassword')} error={form.errors.newPassword} />
      <Button type="submit" isPending={form.pending}>
        {t('security.password.submit')}
      </Button>
    </ValidatedForm>
  );
}
