import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { mfaCodeSchema } from '../../../../shared/contracts/auth.ts';
import { Button } from '../../../components/ui/button.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { formString } from '../../../lib/form-errors.ts';
import { signOut } from '../../../lib/session.ts';
import { useValidatedForm } from '../../../lib/use-validated-form.ts';
import { useVerifyMfa } from '../api/sign-in.ts';

/** Second step of sign-in: the password was right, now a code from the authenticator app or a recovery code. */
export function MfaForm() {
  const { t } = useTranslation();
  const form = useValidatedForm();
  const verify = useVerifyMfa();
  const queryClient = useQueryClient();

  return (
    <form
      ref={form.formRef}
      noValidate
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        void form.submit(
          mfaCodeSchema,
          { code: formString(data, 'code').trim().toLowerCase() },
          async (input) => {
            await verify.mutateAsync(input);
          },
          { UNAUTHENTICATED: t('mfa.wrongCode'), BAD_REQUEST: t('mfa.wrongCode') },
        );
      }}
    >
      {form.formError ? <FormAlert>{form.formError}</FormAlert> : null}
      <TextField
        name="code"
        label={t('mfa.code')}
        description={t('mfa.codeHint')}
        autoComplete="one-time-code"
        spellCheck={false}
        isRequired
        error={form.errors.code}
      />
      <Button type="submit" isPending={form.pending}>
        {t('mfa.submit')}
      </Button>
      <Button variant="quiet" onPress={() => signOut(queryClient)}>
        {t('mfa.differentAccount')}
      </Button>
    </form>
  );
}
