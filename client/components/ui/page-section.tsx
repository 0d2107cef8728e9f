import type { ReactNode } from 'react';

type Props = { id: string; title: ReactNode; lead?: ReactNode; children: ReactNode };

/** A titled part of a page: a region named by its heading (id) for screen reader navigation, with an optional lead. */
export function PageSection({ id, title, lead, children }: Props) {
  return (
    <section className="section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {lead ? <p className="section-lead">{lead}</p> : null}
      {children}
    </section>
  );
}
