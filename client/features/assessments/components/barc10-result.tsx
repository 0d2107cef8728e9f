import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format.ts';
import type { Barc10Result } from './barc10-form.tsx';

/** The total, and what the 47 marker means, in kind words: a research marker, never a grade. */
export function Barc10ResultCard({ result }: { result: Barc10Result }) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The form is gone: bring keyboard and screen reader users to the answer.
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="card stack barc-result" aria-labelledby="barc-result-title">
      <h2 id="barc-result-title" ref={headingRef} tabIndex={-1}>
        {t('barc10.resultTitle', { total: result.total })}
      </h2>
      <p className="muted">{t('barc10.resultDate', { date: formatDateTime(result.takenAt) })}</p>
      <p>{result.meetsThreshold ? t('barc10.aboveThreshold') : t('barc10.belowThreshold')}</p>
    </section>
  );
}
