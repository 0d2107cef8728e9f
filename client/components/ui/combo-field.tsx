import type { ReactNode } from 'react';
import { Button, ComboBox, FieldError, Input, Label, ListBox, ListBoxItem, Popover, Text } from 'react-aria-components';

type Option = { id: string; label: string };

type Props = {
  name: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
  options: readonly Option[];
  /** The chosen option's id (a pick from the list), or, with allowsCustomValue, the text typed. */
  value: string;
  onChange: (value: string) => void;
  /** Free text with suggestions (fellowship) rather than a choice from the list (time zone). */
  allowsCustomValue?: boolean;
  /** Names the button that opens the list, for screen readers. */
  showAllLabel: string;
};

/**
 * A searchable select: type to narrow a long list (400+ time zones), arrow keys to pick, or open the
 * whole list with the button. react-aria wires the combobox roles, labels and live updates.
 */
export function ComboField({ name, label, description, error, options, value, onChange, allowsCustomValue, showAllLabel }: Props) {
  const common = {
    name,
    className: 'field combo',
    isInvalid: !!error,
    validationBehavior: 'aria' as const,
    defaultItems: options,
  };
  const parts = (
    <>
      <Label className="field-label">{label}</Label>
      <div className="combo-row">
        <Input className="input" />
        <Button className="combo-button" aria-label={showAllLabel}>
          <span aria-hidden="true">▾</span>
        </Button>
      </div>
      {description ? (
        <Text slot="description" className="field-hint">
          {description}
        </Text>
      ) : null}
      <FieldError className="field-error">{error}</FieldError>
      <Popover className="combo-popover" offset={4}>
        <ListBox<Option> className="combo-list">
          {(option) => (
            <ListBoxItem id={option.id} textValue={option.label} className="combo-option">
              {option.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </>
  );
  if (allowsCustomValue) {
    return (
      <ComboBox {...common} allowsCustomValue inputValue={value} onInputChange={onChange}>
        {parts}
      </ComboBox>
    );
  }
  return (
    <ComboBox
      {...common}
      selectedKey={value || null}
      onSelectionChange={(key) => {
        if (key !== null) onChange(String(key));
      }}
    >
      {parts}
    </ComboBox>
  );
}
