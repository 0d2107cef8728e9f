import type { ReactNode } from 'react';
import { Button as AriaButton, type ButtonProps } from 'react-aria-components';

type Variant = 'primary' | 'secondary' | 'danger' | 'quiet';

type Props = Omit<ButtonProps, 'className' | 'isPending' | 'children'> & {
  variant?: Variant;
  className?: string;
  /** Ignores presses and shows a spinner while work is under way; the button keeps focus and its name. */
  isPending?: boolean;
  children: ReactNode;
};

// react-aria's own isPending announces through a live region that points at the button by id; when the button
// goes away with the page (after sign-in, say) that reference dangles and accessibility checkers flag it.
export function Button({ variant = 'primary', className, isPending = false, onPress, type, children, ...props }: Props) {
  const classes = ['btn', `btn-${variant}`, className].filter(Boolean).join(' ');
  return (
    <AriaButton
      {...props}
      type={isPending ? 'button' : type}
      className={classes}
      data-pending={isPending || undefined}
      aria-disabled={isPending || undefined}
      onPress={isPending ? undefined : onPress}
    >
      {isPending ? <span className="spinner spinner-on-button" aria-hidden="true" /> : null}
      {children}
    </AriaButton>
  );
}
