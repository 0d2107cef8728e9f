import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactType } from '../../../../shared/contracts/coaching-base.ts';
import { COACHING_SESSION_LIMITS, type CoachingSession, createNoteSchema } from '../../../../shared/contracts/coaching-sessions.ts';
import { LIFE_DOMAINS } from '../../../../shared/contracts/plans.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox, CheckboxGroup } from '../../../components/ui/checkbox.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { ValidatedForm } from '../../../components/ui/validated-form.tsx';
import { formString } from '../../../lib/form-errors.ts';
import { useSavedNotice } from '../../../lib/use-saved-notice.ts';
import { useValidatedForm } from '../../../lib/use-validated-form.ts';
import { useWriteNote } from '../api/coaching-sessions.ts';
import { ContactTypeField, DurationField } from './session-fields.tsx';
import { useSessionTime } from './session-list.tsx';

const L = COACHING_SESSION_LIMITS;

/** Today on this device's calendar, as YYYY-MM-DD. */
function today(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/** The coach documents one contact: when, how long, how, life domains, goals moved, referrals, summary and next steps. */
export function NoteForm({ relationshipId, sessions }: { relationshipId: string; sessions: CoachingSession[] }) {
  const { t } = useTranslation();
  const when = useSessionTime();
  const form = useValidatedForm();
  const write = useWriteNote(relationshipId);
  const [type, setType] = useState<ContactType>('in_person');
  const [domains, setDomains] = useState<string[]>([]);
  const [referralRows, setReferralRows] = useState<number[]>([]);
  const [nextRow, setNextRow] = useState(0);
  const { isSaved, clearSaved, markSaved, edited } = useSavedNotice();
  // Sessions whose time has come and that have no note yet.
  const undocumented = sessions.filter(
    (s) => s.noteId === null && s.status !== 'cancelled' && new Date(s.scheduledAt).getTime() <= Date.now(),
  );

  return (
    <ValidatedForm
      form={form}
      onChange={clearSaved}
      onValues={(data) => {
        clearSaved();
        const input = {
          sessionId: formString(data, 'sessionId') || null,
          occurredOn: formString(data, 'occurredOn'),
          durationMinutes: Number(formString(data, 'durationMinutes')),
          contactType: type,
          lifeDomains: domains,
          goalsMoved: formString(data, 'goalsMoved')
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean),
          referrals: referralRows
            .map((row) => ({
              service: formString(data, `service-${row}`).trim(),
              reason: formString(data, `reason-${row}`).trim() || null,
            }))
            .filter((r) => r.service || r.reason),
          summary: formString(data, 'summary'),
          nextSteps: formString(data, 'nextSteps'),
        };
        return form.submit(createNoteSchema, input, async (valid) => {
          await write.mutateAsync(valid);
          form.resetInputs();
          setDomains([]);
          setReferralRows([]);
          markSaved();
        });
      }}
    >
      {undocumented.length > 0 ? (
        <SelectField
          name="sessionId"
          label={t('coachingSessions.note.session')}
          options={[
            { value: '', label: t('coachingSessions.note.noSession') },
            ...undocumented.map((s) => ({ value: s.id, label: when(s.scheduledAt) })),
          ]}
          error={form.errors.sessionId}
        />
      ) : null}
      <TextField
        name="occurredOn"
        type="date"
        label={t('coachingSessions.note.occurredOn')}
        defaultValue={today()}
        isRequired
        error={form.errors.occurredOn}
      />
      <DurationField error={form.errors.durationMinutes} />
      <ContactTypeField value={type} onChange={edited(setType)} error={form.errors.contactType} />
      <CheckboxGroup
        label={t('coachingSessions.note.lifeDomains')}
        value={domains}
        onChange={edited(setDomains)}
        error={form.errors.lifeDomains}
      >
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
        error={form.errors.goalsMoved}
      />
      <fieldset className="fieldset">
        <legend className="fieldset-legend">{t('coachingSessions.note.referrals')}</legend>
        {referralRows.map((row, index) => (
          <div key={row} className="stack">
            <TextField
              name={`service-${row}`}
              label={t('coachingSessions.note.service', { number: index + 1 })}
              maxLength={L.serviceMax}
              error={form.errors[`referrals.${index}.service`]}
            />
            <TextField name={`reason-${row}`} label={t('coachingSessions.note.reason')} maxLength={L.referralReasonMax} />
          </div>
        ))}
        {referralRows.length < L.referralsMax ? (
          <Button
            variant="secondary"
            onPress={() => {
              setReferralRows((rows) => [...rows, nextRow]);
              setNextRow((n) => n + 1);
            }}
          >
            {t('coachingSessions.note.addReferral')}
          </Button>
        ) : null}
      </fieldset>
      <TextField name="summary" multiline label={t('coachingSessions.note.summary')} maxLength={L.summaryMax} error={form.errors.summary} />
      <TextField
        name="nextSteps"
        multiline
        label={t('coachingSessions.note.nextSteps')}
        maxLength={L.nextStepsMax}
        error={form.errors.nextSteps}
      />
      {isSaved ? <FormAlert tone="success">{t('coachingSessions.note.saved')}</FormAlert> : null}
      <Button type="submit" isPending={form.pending}>
        {t('coachingSessions.note.submit')}
      </Button>
    </ValidatedForm>
  );
}
