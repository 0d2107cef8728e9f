import type { ReactNode } from 'react';
import { FieldError, Label, Text } from 'react-aria-components';

/** The text beside a checkbox or radio: its label and an optional description underneath. */
export function ChoiceText({ children, description }: { children: ReactNode; description?: ReactNode }) {
  return (
    <span className="checkbox-text">
      <span className="checkbox-label">{children}</span>
      {description ? <span className="checkbox-description">{description}</span> : null}
    </span>
  );
}

type GroupPartsProps = { label: ReactNode; description?: ReactNode; error?: string | undefined; children: ReactNode };

/** Inside a checkbox or radio group: label, hint, the choices, and the error (react-aria wires them to the group). */
export function ChoiceGroupParts({ label, description, error, children }: GroupPartsProps) {
  return (
    <>
      <Label className="field-label">{label}</Label>
      {description ? (
        <Text slot="description" className="field-hint">
          {description}
        </Text>
      ) : null}
      <div className="checkbox-list">{children}</div>
      <FieldError className="field-error">{error}</FieldError>
    </>
  );
}
