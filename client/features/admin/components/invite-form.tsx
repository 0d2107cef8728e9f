import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../../shared/contracts/common.ts';
import { createInviteSchema } from '../../../../shared/contracts/invites.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox, CheckboxGroup } from '../../../components/ui/checkbox.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { formString } from '../../../lib/form-errors.ts';
import { useValidatedForm } from '../../../lib/use-validated-form.ts';
import { useCreateInvite } from '../api/invites.ts';

export function InviteForm() {
  const { t } = useTranslation();
  const form = useValidatedForm();
  const create = useCreateInvite();
  const [roles, setRoles] = useState<string[]>(['member']);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);

  return (
    <form
      key={formKey}
      ref={form.formRef}
      noValidate
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        setSentTo(null);
        const data = new FormData(event.currentTarget);
        void form.submit(
          createInviteSchema,
          { email: formString(data, 'email'), roles },
          async (input) => {
            const invite = await create.mutateAsync(input);
            setSentTo(invite.email);
            setRoles(['member']);
            setFormKey((key) => key + 1);
          },
          { CONFLICT: t('admin.invites.conflict') },
        );
      }}
    >
      {sentTo ? <FormAlert tone="success">{t('admin.invites.sent', { email: sentTo })}</FormAlert> : null}
      {form.formError ? <FormAlert>{form.formError}</FormAlert> : null}
      <TextField
        name="email"
        type="email"
        label={t('fields.email')}
        autoComplete="off"
        inputMode="email"
        spellCheck={false}
        isRequired
        error={form.errors.email}
      />
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
    </form>
  );
}
