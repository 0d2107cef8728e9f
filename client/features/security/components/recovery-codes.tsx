import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button.tsx';

/** Shown once, right after two-factor is turned on. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const [pending, setPending] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <section className="stack recovery-codes" aria-labelledby="recovery-codes-title">
      <h3 id="recovery-codes-title" ref={headingRef} tabIndex={-1}>
        {t('security.recovery.title')}
      </h3>
      <p>{t('security.recovery.explain')}</p>
      <ol className="code-list">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="button-row">
        <Button
          variant="secondary"
          onPress={async () => {
            try {
              await navigator.clipboard.writeText(codes.join('\n'));
              setCopied(true);
            } catch {
              setCopied(false);
            }
          }}
        >
          {t('security.recovery.copy')}
        </Button>
        <Button
          isPending={pending}
          onPress={async () => {
            setPending(true);
            try {
              await onDone();
            } finally {
              setPending(false);
            }
          }}
        >
          {t('security.recovery.done')}
        </Button>
      </div>
      <p role="status" className="muted">
        {copied ? t('security.recovery.copied') : ''}
      </p>
    </section>
  );
}
