import { useTranslation } from 'react-i18next';
import { CONTACT_TYPES, type ContactType } from '../../../../shared/contracts/coaching-base.ts';
import { Radio, RadioGroup } from '../../../components/ui/radio-group.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';

/** How long a contact lasts, in minutes: asked the same way when booking a session and when writing its note. */
export function DurationField({ error, defaultValue = '45' }: { error: string | undefined; defaultValue?: string }) {
  const { t } = useTranslation();
  return (
    <TextField
      name="durationMinutes"
      label={t('coachingSessions.schedule.duration')}
      inputMode="numeric"
      defaultValue={defaultValue}
      isRequired
      error={error}
    />
  );
}

/** How the coach and member meet (in person, by phone or by video): the same choice for a session and a note. */
export function ContactTypeField({
  value,
  onChange,
  error,
}: {
  value: ContactType;
  onChange: (value: ContactType) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <RadioGroup label={t('coachingSessions.schedule.type')} value={value} onChange={(next) => onChange(next as ContactType)} error={error}>
      {CONTACT_TYPES.map((option) => (
        <Radio key={option} value={option}>
          {t(`coachingSessions.contactTypes.${option}`)}
        </Radio>
      ))}
    </RadioGroup>
  );
}
