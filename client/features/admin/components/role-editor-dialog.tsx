import { useState } from 'react';
import { DialogTrigger } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { type AdminPerson, setRolesSchema } from '../../../../shared/contracts/people.ts';
import { ROLES, type Role } from '../../../../shared/contracts/roles.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox, CheckboxGroup } from '../../../components/ui/checkbox.tsx';
import { ModalDialog } from '../../../components/ui/modal-dialog.tsx';
import { ValidatedForm } from '../../../components/ui/validated-form.tsx';
import { useValidatedForm } from '../../../lib/use-validated-form.ts';
import { useSetRoles } from '../api/people.ts';

function RoleForm({ person, close }: { person: AdminPerson; close: () => void }) {
  const { t } = useTranslation();
  const form = useValidatedForm();
  const setRoles = useSetRoles();
  const [roles, setSelected] = useState<string[]>(person.roles);
  return (
    <ValidatedForm
      form={form}
      onValues={() =>
        form.submit(setRolesSchema, { roles }, async (input) => {
          await setRoles.mutateAsync({ id: person.id, roles: input.roles });
          close();
        })
      }
    >
      <CheckboxGroup label={t('admin.people.roles')} value={roles} onChange={setSelected} error={form.errors.roles}>
        {ROLES.map((role: Role) => (
          <Checkbox key={role} value={role} description={t(`roles.${role}.description`)}>
            {t(`roles.${role}.label`)}
          </Checkbox>
        ))}
      </CheckboxGroup>
      <div className="button-row">
        <Button type="submit" isPending={form.pending}>
          {t('admin.people.saveRoles')}
        </Button>
        <Button variant="secondary" onPress={close}>
          {t('common.cancel')}
        </Button>
      </div>
    </ValidatedForm>
  );
}

export function RoleEditorDialog({ person, describedBy }: { person: AdminPerson; describedBy: string }) {
  const { t } = useTranslation();
  return (
    <DialogTrigger>
      <Button variant="secondary" aria-describedby={describedBy}>
        {t('admin.people.changeRoles')}
      </Button>
      <ModalDialog title={t('admin.people.rolesTitle', { alias: person.alias })} isDismissable>
        {(close) => <RoleForm person={person} close={close} />}
      </ModalDialog>
    </DialogTrigger>
  );
}
