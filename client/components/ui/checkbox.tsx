import type { ReactNode } from 'react';
import { Checkbox as AriaCheckbox, CheckboxGroup as AriaCheckboxGroup } from 'react-aria-components';
import { ChoiceGroupParts, ChoiceText } from './choice-parts.tsx';

function Box() {
  return (
    <span className="checkbox-box" aria-hidden="true">
      <svg viewBox="0 0 18 18" className="checkbox-check" aria-hidden="true">
        <polyline points="3.5 9.5 7.5 13 14.5 5" />
      </svg>
    </span>
  );
}

type CheckboxProps = { value?: string; children: ReactNode; description?: ReactNode; isDisabled?: boolean };

export function Checkbox({ value, children, description, isDisabled }: CheckboxProps) {
  return (
    <AriaCheckbox value={value} className="checkbox" isDisabled={isDisabled}>
      <Box />
      <ChoiceText description={description}>{children}</ChoiceText>
    </AriaCheckbox>
  );
}

type GroupProps = {
  label: ReactNode;
  name?: string;
  description?: ReactNode;
  error?: string | undefined;
  value: string[];
  onChange: (value: string[]) => void;
  children: ReactNode;
  isRequired?: boolean;
};

export function CheckboxGroup({ label, description, error, children, ...props }: GroupProps) {
  return (
    <AriaCheckboxGroup {...props} className="field checkbox-group" isInvalid={!!error} validationBehavior="aria">
      <ChoiceGroupParts label={label} description={description} error={error}>
        {children}
      </ChoiceGroupParts>
    </AriaCheckboxGroup>
  );
}
