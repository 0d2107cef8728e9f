import { type ReactNode, useId } from 'react';
import { Switch as AriaSwitch } from 'react-aria-components';

type Props = {
  children: ReactNode;
  isSelected: boolean;
  onChange: (selected: boolean) => void;
  description?: ReactNode;
  isDisabled?: boolean;
  name?: string;
};

export function Switch({ children, description, ...props }: Props) {
  const hintId = useId();
  return (
    <div className="switch-field">
      <AriaSwitch {...props} className="switch" aria-describedby={description ? hintId : undefined}>
        <span className="switch-track" aria-hidden="true">
          <span className="switch-thumb" />
        </span>
        <span className="switch-label">{children}</span>
      </AriaSwitch>
      {description ? (
        <p id={hintId} className="field-hint">
          {description}
        </p>
      ) : null}
    </div>
  );
}
