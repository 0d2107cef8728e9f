import type { ReactNode } from 'react';

/**
 * A wide table that scrolls sideways on a phone. It can take focus, so keyboard users can scroll it
 * too (WCAG 2.1.1, axe scrollable-region-focusable), and it is named by its section's heading (a figure, not
 * a second region of the same name).
 */
export function TableWrap({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region needs focus to be scrolled from the keyboard
    <figure className="table-wrap" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </figure>
  );
}
