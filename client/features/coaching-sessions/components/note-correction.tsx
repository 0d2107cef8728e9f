import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactType } from '../../../../shared/contracts/coaching-base.ts';
import {
  COACHING_SESSION_LIMITS,
  noteHasContent,
  type SessionNote,
  updateNoteSchema,
} from '../../../../shared/contracts/coaching-sessions.ts';
import { LIFE_DOMAINS } from '../../../../shared/contracts/plans.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox, CheckboxGroup } from '../../../components/ui/checkbox.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { ValidatedForm } from '../../../components/ui/validated-form.tsx';
import { formString } from '../../../lib/form-errors.ts';
import { useValidatedForm } from '../../../lib/use-validated-form.ts';
import { useCorrectNote } from '../api/coaching-sessions.ts';
import { ContactTypeField, DurationField } from './session-fields.tsx';

const L = COACHING_SESSION_LIMITS;

/** The same rules as the server: a note keeps some content, and a signed-off note is corrected only with a reason. */
function correctionSchema(note: SessionNote) {
  return updateNoteSchema
    .refine((changes) => noteHasContent({ summary: '', nextSteps: '', goalsMoved: [], ...changes, referrals: note.referrals }), {
      path: ['summary'],
      params: { i18nKey: 'coachingSessions.note.empty' },
    })
    .refine((changes) => !note.signedOff || Boolean(changes.reason), {
      path: ['reason'],
      params: { i18nKey: 'coachingSessions.correct.reasonNeeded' },
    });
}

/**
 * "Correct this note" for its author: the note's fields to change, and why. The earlier text is kept;
 * a signed-off note goes back for sign-off, a returned one is resubmitted.
 */
export function NoteCorrection({ note }: { note: SessionNote }) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  // Back on the button that opened the form once it closes, so keyboard users stay where they were.
  const [closedOnce, setClosedOnce] = useState(false);
  const form = useValidatedForm();
  const correct = useCorrectNote();
  const [type, setType] = useState<ContactType>(note.contactType);
  const [domains, setDomains] = useState<string[]>(note.lifeDomains);

  if (!isOpen) {
    return (
      <div className="button-row">
        <Button variant="secondary" autoFocus={closedOnce} onPress={() => setOpen(true)}>
          {note.status === 'returned' ? t('coachingSessions.correct.openReturned') : t('coachingSessions.correct.open')}
        </Button>
      </div>
    );
  }
  const close = () => {
    setOpen(false);
    setClosedOnce(true);
  };
  return (
    <ValidatedForm
      form={form}
      intro={<p className="muted">{note.signedOff ? t('coachingSessions.correct.leadSigned') : t('coachingSessions.correct.lead')}</p>}
      onValues={(data) => {
        const reason = formString(data, 'reason').trim();
        const changes = {
          occurredOn: formString(data, 'occurredOn'),
          durationMinutes: Number(formString(data, 'durationMinutes')),
          contactType: type,
          lifeDomains: domains,
          goalsMoved: formString(data, 'goalsMoved')
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean),
          summary: formString(data, 'summary'),
          nextSteps: formString(data, 'nextSteps'),
          ...(reason ? { reason } : {}),
        };
        return form.submit(correctionSchema(note), changes, async (valid) => {
          await correct.mutateAsync({ id: note.id, changes: valid });
          close();
        });
      }}
    >
      <TextField
        name="occurredOn"
        type="date"
        label={t('coachingSessions.note.occurredOn')}
        defaultValue={note.occurredOn}
        isRequired
        error={form.errors.occurredOn}
      />
      <DurationField defaultValue={String(note.durationMinutes)} error={form.errors.durationMinutes} />
      <ContactTypeField value={type} onChange={setType} error={form.errors.contactType} />
      <CheckboxGroup label={t('coachingSessions.note.lifeDomains')} value={domains} onChange={setDomains} error={form.errors.lifeDomains}>
        {LIFE_DOMAINS.map((domain) => (
          <Checkbox key={domain} value={domain}>
            {t(`recoveryPlan.domains.${domain}`)}
          </Checkbox>
        ))}
      </CheckboxGroup>
      <TextField
        name="goalsMoved"
        multiline
        label={t('coachingSessions.note.goalsMoved')}
        description={t('coachingSessions.note.goalsMovedHint')}
        defaultValue={note.goalsMoved.join('\n')}
        error={form.errors.goalsMoved}
      />
      <TextField
        name="summary"
        multiline
        label={t('coachingSessions.note.summary')}
        maxLength={L.summaryMax}
        defaultValue={note.summary}
        error={form.errors.summary}
      />
      <TextField
        name="nextSteps"
        multiline
        label={t('coachingSessions.note.nextSteps')}
        maxLength={L.nextStepsMax}
        defaultValue={note.nextSteps}
        error={form.errors.nextSteps}
      />
      <TextField
        name="reason"
        label={note.signedOff ? t('coachingSessions.correct.reason') : t('coachingSessions.correct.reasonOptional')}
        maxLength={L.correctionReasonMax}
        isRequired={Boolean(note.signedOff)}
        error={form.errors.reason}
      />
      <div className="button-row">
        <Button type="submit" isPending={form.pending}>
          {note.status === 'returned' ? t('coachingSessions.correct.resubmit') : t('coachingSessions.correct.submit')}
        </Button>
        <Button variant="secondary" onPress={close}>
          {t('coachingSessions.correct.cancel')}
        </Button>
      </div>
    </ValidatedForm>
  );
}
