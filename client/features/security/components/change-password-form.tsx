import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changePasswordSchema } from '../../../../shared/contracts/auth.ts';
import { LIMITS } from '../../../../shared/limits.ts';
import { Button } from '../../../components/ui/button.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { formString } from '../../../lib/form-errors.ts';
import { useValidatedForm } from '../../../lib/use-validated-form.ts';
import { useChangePassword } from '../api/security.ts';

export function ChangePasswordForm({ email }: { email: string }) {
  const { t } = useTranslation();
  const form = useValidatedForm();
  const change = useChangePassword();
  const [done, setDone] = useState(false);
  const [formKey, setFormKey] = useState(0);

  return (
    <form
      key={formKey}
      ref={form.formRef}
      noValidate
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        setDone(false);
        const data = new FormData(event.currentTarget);
        void form.submit(
          changePasswordSchema,
          { currentPassword: formString(data, 'currentPassword'), newPassword: formString(data, 'newPassword') },
          async (input) => {
            await change.mutateAsync(input);
            setDone(true);
            setFormKey((key) => key + 1);
          },
          { UNAUTHENTICATED: t('security.password.wrongCurrent'), FORBIDDEN: t('security.password.wrongCurrent') },
        );
      }}
    >
      {done ? <FormAlert tone="success">{t('security.password.done')}</FormAlert> : null}
      {form.formError ? <FormAlert>{form.formError}</FormAlert> : null}
      {/* Lets password managers know which account this is for. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField
        name="currentPassword"
        type="password"
        label={t('fields.currentPassword')}
        autoComplete="current-password"
        isRequired
        error={form.errors.currentPassword}
      />
      <TextField
        name="newPassword"
        type="password"
        label={t('fields.newPassword')}
        description={t('fields.newPasswordHint', { count: LIMITS.passwordMin })}
        autoComplete="new-password"
        isRequired
        error={form.errors.newPassword}
      />
      <Button type="submit" isPending={form.pending}>
        {t('security.password.submit')}
      </Button>
    </form>
  );
}
