import type { ReactNode } from 'react';
import { TextField as AriaTextField, FieldError, Input, Label, Text, TextArea } from 'react-aria-components';

export type TextFieldProps = {
  name: string;
  label: ReactNode;
  type?: 'text' | 'email' | 'password' | 'search' | 'tel' | 'url' | 'date' | 'datetime-local';
  description?: ReactNode;
  error?: string | undefined;
  isRequired?: boolean;
  isReadOnly?: boolean;
  defaultValue?: string;
  value?: string;
  onChange?: (value: string) => void;
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'email' | 'tel' | 'search' | 'url';
  maxLength?: number;
  multiline?: boolean;
  spellCheck?: boolean;
  placeholder?: string;
};

/** Label, input, hint and error wired together (aria-describedby, aria-invalid) by react-aria. */
export function TextField(props: TextFieldProps) {
  const { label, description, error, multiline, inputMode, spellCheck, placeholder, ...field } = props;
  return (
    <AriaTextField {...field} className="field" isInvalid={!!error} validationBehavior="aria">
      <Label className="field-label">{label}</Label>
      {multiline ? (
        <TextArea className="input textarea" rows={4} placeholder={placeholder} spellCheck={spellCheck} />
      ) : (
        <Input className="input" inputMode={inputMode} placeholder={placeholder} spellCheck={spellCheck} />
      )}
      {description ? (
        <Text slot="description" className="field-hint">
          {description}
        </Text>
      ) : null}
      <FieldError className="field-error">{error}</FieldError>
    </AriaTextField>
  );
}
