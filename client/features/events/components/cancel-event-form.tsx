import { useTranslation } from 'react-i18next';
import { cancelEventSchema, EVENT_LIMITS } from '../../../../shared/contracts/events.ts';
import { Button } from '../../../components/ui/button.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { ValidatedForm } from '../../../components/ui/validated-form.tsx';
import { formString } from '../../../lib/form-errors.ts';
import { useValidatedForm } from '../../../lib/use-validated-form.ts';
import { useCancelEvent } from '../api/events.ts';

/** Organizers: cancel with a note; everyone going or waiting is told (the page then shows the banner). */
export function CancelEventForm({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const form = useValidatedForm();
  const cancel = useCancelEvent(eventId);
  return (
    <ValidatedForm
      form={form}
      onValues={(data) =>
        form.submit(cancelEventSchema, { note: formString(data, 'note') }, async (valid) => {
          await cancel.mutateAsync(valid.note);
        })
      }
    >
      <TextField
        name="note"
        multiline
        label={t('events.cancel.note')}
        description={t('events.cancel.noteHint')}
        maxLength={EVENT_LIMITS.noteMax}
        isRequired
        error={form.errors.note}
      />
      <Button type="submit" variant="danger" isPending={form.pending}>
        {t('events.cancel.confirm')}
      </Button>
    </ValidatedForm>
  );
}
