import type { ReactNode } from 'react';

type Props = { children: ReactNode; tone?: 'error' | 'success' | 'info' };

/** A message about the whole form; focusable so a failed submit can move focus to it. */
export function FormAlert({ children, tone = 'error' }: Props) {
  return (
    <div
      className={`alert alert-${tone}`}
      role={tone === 'error' ? 'alert' : 'status'}
      tabIndex={-1}
      data-form-alert={tone === 'error' ? '' : undefined}
    >
      {children}
    </div>
  );
}
