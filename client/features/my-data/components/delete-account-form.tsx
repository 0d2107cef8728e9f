import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteAccountSchema } from '../../../../shared/contracts/my-data.ts';
import { CurrentPasswordField } from '../../../components/ui/account-fields.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { ConfirmContent } from '../../../components/ui/confirm-dialog.tsx';
import { ModalDialog } from '../../../components/ui/modal-dialog.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { ValidatedForm } from '../../../components/ui/validated-form.tsx';
import { formString } from '../../../lib/form-errors.ts';
import { useValidatedForm } from '../../../lib/use-validated-form.ts';
import { useDeleteAccount } from '../api/my-data.ts';

/** What deleting does, said before anything happens: erased, de-identified, kept (and why). */
function WhatHappens() {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <p>{t('myData.delete.explain')}</p>
      <h4>{t('myData.delete.erasedTitle')}</h4>
      <p>{t('myData.delete.erased')}</p>
      <h4>{t('myData.delete.deidentifiedTitle')}</h4>
      <p>{t('myData.delete.deidentified')}</p>
      <h4>{t('myData.delete.keptTitle')}</h4>
      <p>{t('myData.delete.kept')}</p>
    </div>
  );
}

/**
 * Password, "DELETE" typed out, then an "are you sure?" dialog. The request is sent only after the dialog
 * says yes; its errors (wrong password, last admin) come back to the form next to the inputs.
 */
export function DeleteAccountForm() {
  const { t } = useTranslation();
  const form = useValidatedForm();
  const remove = useDeleteAccount();
  const [confirming, setConfirming] = useState(false);
  const answer = useRef<((yes: boolean) => void) | null>(null);

  function askToConfirm(): Promise<boolean> {
    setConfirming(true);
    return new Promise((resolve) => {
      answer.current = resolve;
    });
  }
  function reply(yes: boolean) {
    setConfirming(false);
    answer.current?.(yes);
    answer.current = null;
  }

  return (
    <>
      <ValidatedForm
        form={form}
        intro={<WhatHappens />}
        onValues={(data) =>
          form.submit(
            deleteAccountSchema,
            { password: formString(data, 'password'), confirm: formString(data, 'confirm').trim() },
            async (input) => {
              if (!(await askToConfirm())) return;
              // On success the session is gone: the signed-in shell sends this browser to sign-in, where a goodbye waits.
              await remove.mutateAsync(input);
            },
            { CONFLICT: t('myData.delete.lastAdmin') },
          )
        }
      >
        <CurrentPasswordField
          name="password"
          label={t('myData.delete.password')}
          description={t('myData.delete.passwordHint')}
          error={form.errors.password}
        />
        <TextField
          name="confirm"
          label={t('myData.delete.confirm')}
          description={t('myData.delete.confirmHint')}
          autoComplete="off"
          spellCheck={false}
          isRequired
          error={form.errors.confirm === undefined ? undefined : t('myData.delete.confirmHint')}
        />
        <div className="button-row">
          <Button type="submit" variant="danger" isPending={form.pending}>
            {t('myData.delete.submit')}
          </Button>
        </div>
      </ValidatedForm>
      <ModalDialog
        title={t('myData.delete.dialogTitle')}
        role="alertdialog"
        isDismissable
        isOpen={confirming}
        onOpenChange={(open) => {
          if (!open) reply(false);
        }}
      >
        {() => (
          <ConfirmContent
            error={null}
            pending={false}
            danger
            confirmLabel={t('myData.delete.dialogConfirm')}
            onConfirm={() => reply(true)}
            onCancel={() => reply(false)}
          >
            <p>{t('myData.delete.dialogBody')}</p>
          </ConfirmContent>
        )}
      </ModalDialog>
    </>
  );
}
