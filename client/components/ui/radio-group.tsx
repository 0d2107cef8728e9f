import type { ReactNode } from 'react';
import { Radio as AriaRadio, RadioGroup as AriaRadioGroup, FieldError, Label, Text } from 'react-aria-components';

type RadioProps = { value: string; children: ReactNode; description?: ReactNode };

export function Radio({ value, children, description }: RadioProps) {
  return (
    <AriaRadio value={value} className="radio">
      <span className="radio-dot" aria-hidden="true" />
      <span className="checkbox-text">
        <span className="checkbox-label">{children}</span>
        {description ? <span className="checkbox-description">{description}</span> : null}
      </span>
    </AriaRadio>
  );
}

type GroupProps = {
  label: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
  value: string | null;
  onChange: (value: string) => void;
  children: ReactNode;
  name?: string;
};

export function RadioGroup({ label, description, error, children, ...props }: GroupProps) {
  return (
    <AriaRadioGroup {...props} className="field radio-group" isInvalid={!!error} validationBehavior="aria">
      <Label className="field-label">{label}</Label>
      {description ? (
        <Text slot="description" className="field-hint">
          {description}
        </Text>
      ) : null}
      <div className="checkbox-list">{children}</div>
      <FieldError className="field-error">{error}</FieldError>
    </AriaRadioGroup>
  );
}
