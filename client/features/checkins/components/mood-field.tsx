import { FieldError, Label, Radio, RadioGroup, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

const MOODS = [
  { value: 1, name: 'veryLow' },
  { value: 2, name: 'low' },
  { value: 3, name: 'okay' },
  { value: 4, name: 'good' },
  { value: 5, name: 'veryGood' },
] as const;

type Props = { value: number | null; onChange: (mood: number) => void; error?: string | undefined };

/** Five large labelled choices in one row: a number and a word each, never a face alone. */
export function MoodField({ value, onChange, error }: Props) {
  const { t } = useTranslation();
  return (
    <RadioGroup
      name="mood"
      className="field mood-field"
      orientation="horizontal"
      value={value === null ? null : String(value)}
      onChange={(next) => onChange(Number(next))}
      isInvalid={!!error}
      validationBehavior="aria"
    >
      <Label className="field-label">{t('checkin.mood')}</Label>
      <Text slot="description" className="field-hint">
        {t('checkin.moodHint')}
      </Text>
      <div className="mood-choices">
        {MOODS.map((mood) => (
          <Radio key={mood.value} value={String(mood.value)} className="mood-choice">
            <span className="mood-number">{mood.value}</span> <span className="mood-word">{t(`checkin.moods.${mood.name}`)}</span>
          </Radio>
        ))}
      </div>
      <FieldError className="field-error">{error}</FieldError>
    </RadioGroup>
  );
}
