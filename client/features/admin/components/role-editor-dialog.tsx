import { useState } from 'react';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../shared/contracts/common.ts';
import { type AdminPerson, setRolesSchema } from '../../../../shared/contracts/people.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox, CheckboxGroup } from '../../../components/ui/checkbox.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { useValidatedForm } from '../../../lib/use-validated-form.ts';
import { useSetRoles } from '../api/people.ts';

function RoleForm({ person, close }: { person: AdminPerson; close: () => void }) {
  const { t } = useTranslation();
  const form = useValidatedForm();
  const setRoles = useSetRoles();
  const [roles, setSelected] = useState<string[]>(person.roles);
  return (
    <form
      ref={form.formRef}
      noValidate
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        void form.submit(setRolesSchema, { roles }, async (input) => {
          await setRoles.mutateAsync({ id: person.id, roles: input.roles });
          close();
        });
      }}
    >
      {form.formError ? <FormAlert>{form.formError}</FormAlert> : null}
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
    </form>
  );
}

export function RoleEditorDialog({ person, describedBy }: { person: AdminPerson; describedBy: string }) {
  const { t } = useTranslation();
  return (
    <DialogTrigger>
      <Button variant="secondary" aria-describedby={describedBy}>
        {t('admin.people.changeRoles')}
      </Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog className="dialog">
            {({ close }) => (
              <>
                <Heading slot="title" className="dialog-title">
                  {t('admin.people.rolesTitle', { alias: person.alias })}
                </Heading>
                <RoleForm person={person} close={close} />
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
