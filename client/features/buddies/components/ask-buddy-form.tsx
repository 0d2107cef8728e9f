import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BUDDY_LIMITS, createBuddyRequestSchema } from '../../../../shared/contracts/buddies.ts';
import { Button } from '../../../components/ui/button.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { Radio, RadioGroup } from '../../../components/ui/radio-group.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { ValidatedForm } from '../../../components/ui/validated-form.tsx';
import { formString } from '../../../lib/form-errors.ts';
import { paths } from '../../../lib/paths.ts';
import { useValidatedForm } from '../../../lib/use-validated-form.ts';
import { useAskForBuddy, useMeetingOccurrences } from '../api/buddies.ts';
import { formatInZone } from '../format-time.ts';

/** "Ask someone to come with me": one of the meeting's next few times, and a short note. */
export function AskBuddyForm({ meetingId, timezone }: { meetingId: string; timezone: string }) {
  const { t } = useTranslation();
  const occurrences = useMeetingOccurrences(meetingId, true);
  const ask = useAskForBuddy();
  const form = useValidatedForm();
  const [occursAt, setOccursAt] = useState<string | null>(null);
  const [sent, setSent] = useState(false);

  if (occurrences.isPending) return <Loading />;
  if (occurrences.isError) return <QueryError error={occurrences.error} onRetry={() => void occurrences.refetch()} />;
  if (!occurrences.data.bookable) return <p className="muted">{t('buddies.ask.none')}</p>;
  return (
    <ValidatedForm
      form={form}
      onValues={(data) => {
        setSent(false);
        return form.submit(
          createBuddyRequestSchema,
          { meetingId, occursAt: occursAt ?? '', note: formString(data, 'note') },
          async (valid) => {
            await ask.mutateAsync(valid);
            setSent(true);
            setOccursAt(null);
            form.resetInputs();
          },
          { CONFLICT: t('buddies.ask.duplicate', { max: BUDDY_LIMITS.openPerMember }) },
        );
      }}
      intro={
        sent ? (
          <FormAlert tone="success">
            {t('buddies.ask.sent')} <Link to={paths.buddies}>{t('buddies.ask.seeRequests')}</Link>
          </FormAlert>
        ) : null
      }
    >
      <RadioGroup label={t('buddies.ask.when')} value={occursAt} onChange={setOccursAt} error={form.errors.occursAt}>
        {occurrences.data.occurrences.map((start) => (
          <Radio key={start} value={start}>
            {formatInZone(start, timezone)}
          </Radio>
        ))}
      </RadioGroup>
      <TextField
        name="note"
        label={t('buddies.ask.note')}
        description={t('buddies.ask.noteHint', { max: BUDDY_LIMITS.noteMax })}
        maxLength={BUDDY_LIMITS.noteMax}
        multiline
        error={form.errors.note}
      />
      <Button type="submit" isPending={form.pending}>
        {t('buddies.ask.submit')}
      </Button>
    </ValidatedForm>
  );
}
