import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLOCK_LIMITS, type ClockKind, createClockSchema } from '../../../../shared/contracts/clocks.ts';
import { Button } from '../../../components/ui/button.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { Radio, RadioGroup } from '../../../components/ui/radio-group.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { ValidatedForm } from '../../../components/ui/validated-form.tsx';
import { formString } from '../../../lib/form-errors.ts';
import { useSavedNotice } from '../../../lib/use-saved-notice.ts';
import { useValidatedForm } from '../../../lib/use-validated-form.ts';
import { useCreateClock } from '../api/clocks.ts';

/** "My recovery" first: the pathway-neutral choice most people want. */
const KIND_ORDER: readonly ClockKind[] = ['recovery', 'abstinence', 'harm_reduction'];

/** "2026-11-26T08:30" as this device's wall clock, which is what a datetime-local input shows and reads. */
function localNow(): string {
  const now = new Date();
  now.setSeconds(0, 0);
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** The typed local date and time as an instant with an offset; unreadable input stays as typed so the schema names the field. */
function toInstant(value: string): string {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

/** Start a clock: a name, what it counts (pathway-neutral), a goal for harm reduction, and when it began. */
export function AddClockForm() {
  const { t } = useTranslation();
  const form = useValidatedForm();
  const create = useCreateClock();
  const [kind, setKind] = useState<ClockKind>('recovery');
  const { isSaved, clearSaved, markSaved, edited } = useSavedNotice();

  return (
    <ValidatedForm
      form={form}
      onChange={clearSaved}
      onValues={(data) => {
        clearSaved();
        const goal = formString(data, 'goal').trim();
        const input = {
          label: formString(data, 'label'),
          kind,
          goal: kind === 'harm_reduction' ? goal : goal || null,
          startedAt: toInstant(formString(data, 'startedAt')),
        };
        return form.submit(createClockSchema, input, async (valid) => {
          await create.mutateAsync(valid);
          form.resetInputs();
          setKind('recovery');
          markSaved();
        });
      }}
    >
      <TextField
        name="label"
        label={t('clocks.form.label')}
        description={t('clocks.form.labelHint')}
        maxLength={CLOCK_LIMITS.labelMax}
        isRequired
        error={form.errors.label}
      />
      <RadioGroup
        label={t('clocks.form.kind')}
        value={kind}
        onChange={edited((value) => setKind(value as ClockKind))}
        error={form.errors.kind}
      >
        {KIND_ORDER.map((option) => (
          <Radio key={option} value={option} description={t(`clocks.kinds.${option}.description`)}>
            {t(`clocks.kinds.${option}.label`)}
          </Radio>
        ))}
      </RadioGroup>
      {kind === 'harm_reduction' ? (
        <TextField
          name="goal"
          label={t('clocks.form.goal')}
          description={t('clocks.form.goalHint')}
          maxLength={CLOCK_LIMITS.goalMax}
          isRequired
          error={form.errors.goal}
        />
      ) : null}
      <TextField
        name="startedAt"
        type="datetime-local"
        label={t('clocks.form.startedAt')}
        description={t('clocks.form.startedAtHint')}
        defaultValue={localNow()}
        isRequired
        error={form.errors.startedAt}
      />
      {isSaved ? <FormAlert tone="success">{t('clocks.form.saved')}</FormAlert> : null}
      <Button type="submit" isPending={form.pending}>
        {t('clocks.form.submit')}
      </Button>
    </ValidatedForm>
  );
}
