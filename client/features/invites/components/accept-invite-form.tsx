import { useTranslation } from 'react-i18next';
import { acceptInviteSchema } from '../../../../shared/contracts/invites.ts';
import { AliasField, NewPasswordField } from '../../../components/ui/account-fields.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { ValidatedForm } from '../../../components/ui/validated-form.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { formString } from '../../../lib/form-errors.ts';
import { formatList } from '../../../lib/format.ts';
import { useValidatedForm } from '../../../lib/use-validated-form.ts';
import { useAcceptInvite, useInvitePreview } from '../api/accept-invite.ts';

export function AcceptInviteForm({ token, onAccepted }: { token: string | null; onAccepted: () => void }) {
  const { t } = useTranslation();
  const preview = useInvitePreview(token);
  const accept = useAcceptInvite();
  const form = useValidatedForm();

  if (!token) return <FormAlert>{t('invite.missingToken')}</FormAlert>;
  if (preview.isPending) return <Loading />;
  if (preview.isError) {
    const gone = isApiError(preview.error, 'GONE') || isApiError(preview.error, 'NOT_FOUND');
    return <FormAlert>{gone ? t('invite.invalid') : t('apiErrors.INTERNAL')}</FormAlert>;
  }

  const invite = preview.data;
  const roles = formatList(invite.roles.map((role) => t(`roles.${role}.label`)));
  return (
    <ValidatedForm
      form={form}
      onValues={(data) =>
        form.submit(
          acceptInviteSchema,
          { token, alias: formString(data, 'alias'), password: formString(data, 'password') },
          async (input) => {
            await accept.mutateAsync(input);
            onAccepted();
          },
          { GONE: t('invite.invalid'), NOT_FOUND: t('invite.invalid') },
        )
      }
      intro={
        <p className="lead">
          {invite.kind === 'invite'
            ? t('invite.invitedLead', { roles })
            : t('invite.welcome', { organization: invite.organizationName, roles })}
        </p>
      }
    >
      <TextField name="email" type="email" label={t('fields.email')} value={invite.email} autoComplete="username" isReadOnly />
      <AliasField name="alias" error={form.errors.alias} />
      <NewPasswordField name="password" label={t('fields.password')} error={form.errors.password} />
      <Button type="submit" isPending={form.pending}>
        {t('invite.submit')}
      </Button>
    </ValidatedForm>
  );
}
