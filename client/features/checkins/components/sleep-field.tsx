import { Button, FieldError, Group, Input, Label, NumberField, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

type Props = { value: number; onChange: (hours: number) => void; error?: string | undefined };

/** Optional hours of sleep in half hours: type it, or step with − and + (44px buttons) or the arrow keys. Empty is NaN. */
export function SleepField({ value, onChange, error }: Props) {
  const { t } = useTranslation();
  return (
    <NumberField
      className="field"
      value={value}
      onChange={onChange}
      minValue={0}
      maxValue={24}
      step={0.5}
      formatOptions={{ maximumFractionDigits: 1 }}
      isInvalid={!!error}
      validationBehavior="aria"
    >
      <Label className="field-label">{t('checkin.sleep')}</Label>
      <Group className="number-group">
        <Button slot="decrement" className="btn btn-secondary number-step">
          <span aria-hidden="true">−</span>
        </Button>
        <Input className="input number-input" name="sleepHours" />
        <Button slot="increment" className="btn btn-secondary number-step">
          <span aria-hidden="true">+</span>
        </Button>
      </Group>
      <Text slot="description" className="field-hint">
        {t('checkin.sleepHint')}
      </Text>
      <FieldError className="field-error">{error}</FieldError>
    </NumberField>
  );
}
