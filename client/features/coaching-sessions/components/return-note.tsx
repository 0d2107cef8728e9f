import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COACHING_SESSION_LIMITS, returnNoteSchema, type SessionNote } from '../../../../shared/contracts/coaching-sessions.ts';
import { Button } from '../../../components/ui/button.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { ValidatedForm } from '../../../components/ui/validated-form.tsx';
import { formString } from '../../../lib/form-errors.ts';
import { useValidatedForm } from '../../../lib/use-validated-form.ts';
import { useReturnNote } from '../api/coaching-sessions.ts';

/**
 * "Return for changes": the supervisor says what to change; the note goes back to its coach, who is
 * told, and leaves the queue until they resubmit it.
 */
export function ReturnNote({ note, context }: { note: SessionNote; context: string }) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const [closedOnce, setClosedOnce] = useState(false);
  const form = useValidatedForm();
  const send = useReturnNote();
  if (!isOpen) {
    return (
      <Button variant="secondary" autoFocus={closedOnce} onPress={() => setOpen(true)}>
        {t('coachingSessions.return.open')} <span className="visually-hidden">{context}</span>
      </Button>
    );
  }
  return (
    <ValidatedForm
      form={form}
      onValues={(data) =>
        form.submit(returnNoteSchema, { comment: formString(data, 'comment') }, async (valid) => {
          await send.mutateAsync({ id: note.id, comment: valid.comment });
        })
      }
    >
      <TextField
        name="comment"
        multiline
        label={t('coachingSessions.return.comment')}
        description={t('coachingSessions.return.hint')}
        maxLength={COACHING_SESSION_LIMITS.returnCommentMax}
        isRequired
        error={form.errors.comment}
      />
      <div className="button-row">
        <Button type="submit" isPending={form.pending}>
          {t('coachingSessions.return.submit')}
        </Button>
        <Button
          variant="secondary"
          onPress={() => {
            setOpen(false);
            setClosedOnce(true);
          }}
        >
          {t('coachingSessions.correct.cancel')}
        </Button>
      </div>
    </ValidatedForm>
  );
}
