import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CHECKIN_LIMITS, type Checkin, checkinBodySchema, USED_ANSWERS } from '../../../../shared/contracts/checkins.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Radio, RadioGroup } from '../../../components/ui/radio-group.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { ValidatedForm } from '../../../components/ui/validated-form.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { formString } from '../../../lib/form-errors.ts';
import { useSessionData } from '../../../lib/session.ts';
import { useValidatedForm } from '../../../lib/use-validated-form.ts';
import { type CheckinInput, queueCheckin, useSaveCheckin } from '../api/checkins.ts';
import { CravingField } from './craving-field.tsx';
import { MoodField } from './mood-field.tsx';
import { SleepField } from './sleep-field.tsx';

type Used = (typeof USED_ANSWERS)[number];

// An unanswered question reads "This is required." (a missing value), not "Please check this value."
const answeredSchema = z.looseObject({ mood: z.number(), used: z.string() }).pipe(checkinBodySchema);

function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // Pages served over plain http (not localhost) have no randomUUID; 16 random bytes in hex do the same job.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function splitSubstances(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

type Props = {
  localDate: string;
  /** What was saved for this day before, to edit; null for a new check-in. */
  existing: Checkin | null;
  onSaved: (checkin: Checkin) => void;
  /** Offline: the check-in waits on this device (with its Idempotency-Key) and is sent when the network returns. */
  onQueued: (checkin: CheckinInput) => void;
};

const offline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

/** Mood, craving, sleep, used today, gratitude and a note: the whole check-in on one short screen. */
export function CheckinForm({ localDate, existing, onSaved, onQueued }: Props) {
  const { t } = useTranslation();
  const userId = useSessionData().user?.id;
  const form = useValidatedForm();
  const save = useSaveCheckin();
  const [mood, setMood] = useState<number | null>(existing?.mood ?? null);
  const [craving, setCraving] = useState(existing?.craving ?? 0);
  const [sleep, setSleep] = useState(existing?.sleepHours ?? Number.NaN);
  const [used, setUsed] = useState<Used | null>(existing?.used ?? null);
  // One key per submission: a retry of the same answers reuses it, so the server saves them once.
  const attempt = useRef<{ signature: string; key: string } | null>(null);

  function keyFor(body: CheckinInput): string {
    const signature = `${localDate} ${JSON.stringify(body)}`;
    if (attempt.current?.signature !== signature) attempt.current = { signature, key: newKey() };
    return attempt.current.key;
  }

  return (
    <ValidatedForm
      form={form}
      onValues={(data) => {
        const input = {
          mood: mood ?? undefined,
          craving,
          sleepHours: Number.isNaN(sleep) ? null : sleep,
          used: used ?? undefined,
          substances: used === 'yes' ? splitSubstances(formString(data, 'substances')) : undefined,
          gratitude: formString(data, 'gratitude'),
          note: formString(data, 'note'),
        };
        return form.submit(answeredSchema, input, async () => {
          const body = input as CheckinInput;
          const key = keyFor(body);
          // No network: keep it on this phone rather than fail. Online, a lost request keeps the usual "try again".
          const queue = async (): Promise<boolean> => {
            if (!userId || !(await queueCheckin(localDate, body, key, userId))) return false;
            attempt.current = null;
            onQueued(body);
            return true;
          };
          if (offline() && (await queue())) return;
          let saved: Checkin;
          try {
            saved = await save.mutateAsync({ localDate, body, key });
          } catch (error) {
            if (isApiError(error) && error.status === 0 && offline() && (await queue())) return;
            throw error;
          }
          attempt.current = null;
          onSaved(saved);
        });
      }}
    >
      <MoodField value={mood} onChange={setMood} error={form.errors.mood} />
      <CravingField value={craving} onChange={setCraving} />
      <SleepField value={sleep} onChange={setSleep} error={form.errors.sleepHours} />
      <RadioGroup
        name="used"
        label={t('checkin.used')}
        description={t('checkin.usedHint')}
        value={used}
        onChange={(value) => setUsed(value as Used)}
        error={form.errors.used}
      >
        {USED_ANSWERS.map((answer) => (
          <Radio key={answer} value={answer}>
            {t(`checkin.usedAnswers.${answer}`)}
          </Radio>
        ))}
      </RadioGroup>
      {used === 'yes' ? (
        <TextField
          name="substances"
          label={t('checkin.substances')}
          description={t('checkin.substancesHint')}
          defaultValue={existing?.substances.join(', ') ?? ''}
          maxLength={CHECKIN_LIMITS.substancesMax * (CHECKIN_LIMITS.substanceMax + 2)}
          error={Object.entries(form.errors).find(([path]) => path.startsWith('substances'))?.[1]}
        />
      ) : null}
      <TextField
        name="gratitude"
        label={t('checkin.gratitude')}
        defaultValue={existing?.gratitude ?? ''}
        maxLength={CHECKIN_LIMITS.gratitudeMax}
        error={form.errors.gratitude}
      />
      <TextField
        name="note"
        label={t('checkin.note')}
        description={t('checkin.noteHint')}
        defaultValue={existing?.note ?? ''}
        maxLength={CHECKIN_LIMITS.noteMax}
        multiline
        error={form.errors.note}
      />
      <Button type="submit" isPending={form.pending}>
        {existing ? t('checkin.update') : t('checkin.submit')}
      </Button>
    </ValidatedForm>
  );
}
