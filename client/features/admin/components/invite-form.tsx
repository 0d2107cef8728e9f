import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createInviteSchema } from '../../../../shared/contracts/invites.ts';
import { ROLES } from '../../../../shared/contracts/roles.ts';
import { EmailField } from '../../../components/ui/account-fields.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox, CheckboxGroup } from '../../../components/ui/checkbox.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { ValidatedForm } from '../../../components/ui/validated-form.tsx';
import { formString } from '../../../lib/form-errors.ts';
import { useValidatedForm } from '../../../lib/use-validated-form.ts';
import { useCreateInvite } from '../api/invites.ts';

export function InviteForm() {
  const { t } = useTranslation();
  const form = useValidatedForm();
  const create = useCreateInvite();
  const [roles, setRoles] = useState<string[]>(['member']);
  const [sentTo, setSentTo] = useState<string | null>(null);

  return (
    <ValidatedForm
      form={form}
      onValues={(data) => {
        setSentTo(null);
        return form.submit(
          createInviteSchema,
          { email: formString(data, 'email'), roles },
          async (input) => {
            const invite = await create.mutateAsync(input);
            setSentTo(invite.email);
            setRoles(['member']);
            form.resetInputs();
          },
          { CONFLICT: t('admin.invites.conflict') },
        );
      }}
      intro={sentTo ? <FormAlert tone="success">{t('admin.invites.sent', { email: sentTo })}</FormAlert> : null}
    >
      <EmailField name="email" autoComplete="off" error={form.errors.email} />
      <CheckboxGroup label={t('admin.people.roles')} value={roles} onChange={setRoles} error={form.errors.roles}>
        {ROLES.map((role) => (
          <Checkbox key={role} value={role} description={t(`roles.${role}.description`)}>
            {t(`roles.${role}.label`)}
          </Checkbox>
        ))}
      </CheckboxGroup>
      <Button type="submit" isPending={form.pending}>
        {t('admin.invites.submit')}
      </Button>
    </ValidatedForm>
  );
}
