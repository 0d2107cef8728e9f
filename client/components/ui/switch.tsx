import type { ReactNode } from 'react';
import { Switch as AriaSwitch } from 'react-aria-components';

type Props = {
  children: ReactNode;
  isSelected: boolean;
  onChange: (selected: boolean) => void;
  isDisabled?: boolean;
  name?: string;
};

export function Switch({ children, ...props }: Props) {
  return (
    <AriaSwitch {...props} className="switch">
      <span className="switch-track" aria-hidden="true">
        <span className="switch-thumb" />
      </span>
      <span className="switch-label">{children}</span>
    </AriaSwitch>
  );
}
