import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactType } from '../../../../shared/contracts/coaching-base.ts';
import { COACHING_SESSION_LIMITS, createSessionSchema } from '../../../../shared/contracts/coaching-sessions.ts';
import { Button } from '../../../components/ui/button.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { ValidatedForm } from '../../../components/ui/validated-form.tsx';
import { formString } from '../../../lib/form-errors.ts';
import { useSavedNotice } from '../../../lib/use-saved-notice.ts';
import { useValidatedForm } from '../../../lib/use-validated-form.ts';
import { useScheduleSession } from '../api/coaching-sessions.ts';
import { ContactTypeField, DurationField } from './session-fields.tsx';

/** The typed local date and time (this device's zone) as an instant; unreadable input stays as typed so the schema names the field. */
export function toInstant(value: string): string {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

/** Tomorrow at 10:00 on this device's clock, as a datetime-local value. */
function tomorrowAtTen(): string {
  const date = new Date();
  date.setDate(date.getDate() + 1);
  date.setHours(10, 0, 0, 0);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

export function ScheduleSessionForm({ relationshipId }: { relationshipId: string }) {
  const { t } = useTranslation();
  const form = useValidatedForm();
  const schedule = useScheduleSession(relationshipId);
  const [type, setType] = useState<ContactType>('phone');
  const { isSaved, clearSaved, markSaved, edited } = useSavedNotice();
  return (
    <ValidatedForm
      form={form}
      onChange={clearSaved}
      onValues={(data) => {
        clearSaved();
        const input = {
          scheduledAt: toInstant(formString(data, 'scheduledAt')),
          durationMinutes: Number(formString(data, 'durationMinutes')),
          contactType: type,
          location: type === 'in_person' ? formString(data, 'location').trim() || null : null,
          videoUrl: type === 'video' ? formString(data, 'videoUrl').trim() : null,
          message: formString(data, 'message').trim() || null,
        };
        return form.submit(createSessionSchema, input, async (valid) => {
          await schedule.mutateAsync(valid);
          form.resetInputs();
          setType('phone');
          markSaved();
        });
      }}
    >
      <TextField
        name="scheduledAt"
        type="datetime-local"
        label={t('coachingSessions.schedule.when')}
        description={t('coachingSessions.schedule.whenHint')}
        defaultValue={tomorrowAtTen()}
        isRequired
        error={form.errors.scheduledAt}
      />
      <DurationField error={form.errors.durationMinutes} />
      <ContactTypeField value={type} onChange={edited(setType)} error={form.errors.contactType} />
      {type === 'in_person' ? (
        <TextField
          name="location"
          label={t('coachingSessions.schedule.location')}
          maxLength={COACHING_SESSION_LIMITS.locationMax}
          error={form.errors.location}
        />
      ) : null}
      {type === 'video' ? (
        <TextField
          name="videoUrl"
          type="url"
          inputMode="url"
          label={t('coachingSessions.schedule.videoUrl')}
          description={t('coachingSessions.schedule.videoUrlHint')}
          maxLength={COACHING_SESSION_LIMITS.videoUrlMax}
          isRequired
          error={form.errors.videoUrl}
        />
      ) : null}
      <TextField
        name="message"
        multiline
        label={t('coachingSessions.schedule.message')}
        description={t('coachingSessions.schedule.messageHint')}
        maxLength={COACHING_SESSION_LIMITS.messageMax}
        error={form.errors.message}
      />
      {isSaved ? <FormAlert tone="success">{t('coachingSessions.schedule.saved')}</FormAlert> : null}
      <Button type="submit" isPending={form.pending}>
        {t('coachingSessions.schedule.submit')}
      </Button>
    </ValidatedForm>
  );
}
