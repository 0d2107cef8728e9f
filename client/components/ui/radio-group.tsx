import type { ReactNode } from 'react';
import { Radio as AriaRadio, RadioGroup as AriaRadioGroup } from 'react-aria-components';
import { ChoiceGroupParts, ChoiceText } from './choice-parts.tsx';

type RadioProps = { value: string; children: ReactNode; description?: ReactNode };

export function Radio({ value, children, description }: RadioProps) {
  return (
    <AriaRadio value={value} className="radio">
      <span className="radio-dot" aria-hidden="true" />
      <ChoiceText description={description}>{children}</ChoiceText>
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
      <ChoiceGroupParts label={label} description={description} error={error}>
        {children}
      </ChoiceGroupParts>
    </AriaRadioGroup>
  );
}
