import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { mfaCodeSchema } from '../../../../shared/contracts/auth.ts';
import { Button } from '../../../components/ui/button.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { ValidatedForm } from '../../../components/ui/validated-form.tsx';
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
    <ValidatedForm
      form={form}
      onValues={(data) =>
        form.submit(
          mfaCodeSchema,
          { code: formString(data, 'code').trim().toLowerCase() },
          async (input) => {
            await verify.mutateAsync(input);
          },
          { UNAUTHENTICATED: t('mfa.wrongCode'), BAD_REQUEST: t('mfa.wrongCode') },
        )
      }
    >
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
    </ValidatedForm>
  );
}
