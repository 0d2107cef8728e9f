import type { ReactNode } from 'react';

type Tone = 'good' | 'neutral' | 'warn' | 'alert';

export function StatusBadge({ tone, children }: { tone: Tone; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}
