import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { breakGlassRequestSchema } from '../../../../shared/contracts/consent.ts';
import { LIMITS } from '../../../../shared/limits.ts';
import { Button } from '../../../components/ui/button.tsx';
import { ConfirmContent } from '../../../components/ui/confirm-dialog.tsx';
import { ModalDialog } from '../../../components/ui/modal-dialog.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { ValidatedForm } from '../../../components/ui/validated-form.tsx';
import { describeError } from '../../../lib/form-errors.ts';
import { useValidatedForm } from '../../../lib/use-validated-form.ts';
import { type BreakGlass, useOpenBreakGlass } from '../api/break-glass.ts';

type Request = z.output<typeof breakGlassRequestSchema>;
type Props = { subject: { id: string; alias: string }; onOpened: (opened: BreakGlass) => void };

type ConfirmProps = Pick<Props, 'onOpened'> & { request: Request | null; alias: string; onClose: () => void };

/** "Are you sure?" before opening: the reason is already checked, so the dialog only confirms or cancels. */
function ConfirmOpen({ request, alias, onClose, onOpened }: ConfirmProps) {
  const { t, i18n } = useTranslation();
  const open = useOpenBreakGlass();
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    if (!request) return;
    setError(null);
    try {
      onOpened(await open.mutateAsync(request));
    } catch (caught) {
      setError(describeError(caught, t, i18n.language).message);
    }
  }

  return (
    <ModalDialog
      title={t('people.breakGlass.confirmTitle', { alias })}
      role="alertdialog"
      isDismissable={!open.isPending}
      isOpen={request !== null}
      onOpenChange={(isOpen) => {
        if (isOpen) return;
        setError(null);
        onClose();
      }}
    >
      {(close) => (
        <ConfirmContent
          error={error}
          pending={open.isPending}
          danger
          confirmLabel={t('people.breakGlass.confirm')}
          onConfirm={() => void confirm()}
          onCancel={close}
        >
          <p>{t('people.breakGlass.confirmBody', { alias })}</p>
        </ConfirmContent>
      )}
    </ModalDialog>
  );
}

/** Emergency access for supervisors and admins: a written reason, a confirmation, then one hour of reading. */
export function BreakGlassSection({ subject, onOpened }: Props) {
  const { t } = useTranslation();
  const form = useValidatedForm();
  const [reason, setReason] = useState('');
  const [request, setRequest] = useState<Request | null>(null);

  return (
    <section className="section card break-glass" aria-labelledby="person-break-glass">
      <h2 id="person-break-glass">{t('people.breakGlass.title')}</h2>
      <p>{t('people.breakGlass.intro', { alias: subject.alias })}</p>
      <ul className="plain-points">
        <li>{t('people.breakGlass.hour', { alias: subject.alias })}</li>
        <li>{t('people.breakGlass.logged', { alias: subject.alias })}</li>
        <li>{t('people.breakGlass.emailed')}</li>
      </ul>
      <ValidatedForm
        form={form}
        onValues={() => form.submit(breakGlassRequestSchema, { subjectId: subject.id, reason }, async (valid) => setRequest(valid))}
      >
        <TextField
          name="reason"
          label={t('people.breakGlass.reason')}
          description={
            <>
              {t('people.breakGlass.reasonHint', { alias: subject.alias })}{' '}
              <span className="char-count">
                {t('people.breakGlass.count', { length: reason.length, min: LIMITS.reasonMin, max: LIMITS.reasonMax })}
              </span>
            </>
          }
          value={reason}
          onChange={(value) => {
            setReason(value);
            form.clearField('reason');
          }}
          maxLength={LIMITS.reasonMax}
          multiline
          isRequired
          error={form.errors.reason}
        />
        <Button type="submit" variant="danger">
          {t('people.breakGlass.submit')}
        </Button>
      </ValidatedForm>
      <ConfirmOpen request={request} alias={subject.alias} onClose={() => setRequest(null)} onOpened={onOpened} />
    </section>
  );
}
