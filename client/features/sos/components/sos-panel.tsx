import { type ReactNode, useRef, useState } from 'react';
import { DialogTrigger } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { CrisisLine } from '../../../../shared/contracts/organization.ts';
import type { SosResult } from '../../../../shared/contracts/sos.ts';
import { CrisisLineItem } from '../../../components/crisis-help.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { ConfirmContent } from '../../../components/ui/confirm-dialog.tsx';
import { ModalDialog } from '../../../components/ui/modal-dialog.tsx';
import { PageSection } from '../../../components/ui/page-section.tsx';
import { describeError } from '../../../lib/form-errors.ts';
import { usePressSos, useSosRecipients } from '../api/sos.ts';

function Lines({ lines }: { lines: readonly CrisisLine[] }) {
  return (
    <ul className="crisis-lines">
      {lines.map((line) => (
        <CrisisLineItem key={`${line.name}-${line.phone ?? ''}-${line.text ?? ''}`} line={line} />
      ))}
    </ul>
  );
}

/**
 * What the confirmation promises, from who holds the `sos` permission now: how many will be alerted,
 * or that nobody will, with the crisis lines to call instead and where to choose someone.
 */
function ConfirmBody({
  count,
  loading,
  fallbackLines,
  privacyLink,
}: {
  count: number | undefined;
  loading: boolean;
  fallbackLines: readonly CrisisLine[];
  privacyLink: (label: string) => ReactNode;
}) {
  const { t } = useTranslation();
  if (loading) return <p>{t('sos.confirmChecking')}</p>;
  if (count === undefined) return <p>{t('sos.confirmUnknown')}</p>;
  if (count === 0) {
    return (
      <div className="stack">
        <p>{t('sos.confirmNobody')}</p>
        <Lines lines={fallbackLines} />
        <p>{privacyLink(t('sos.choose'))}</p>
      </div>
    );
  }
  return <p>{t('sos.confirmBody', { count })}</p>;
}

/**
 * SOS: a confirm step ("Alert the people you chose?"), then who was alerted and the crisis lines. With
 * nobody chosen it says so kindly and points to Privacy; if the alert fails, the crisis lines still show.
 */
export function SosPanel({
  fallbackLines,
  privacyLink,
}: {
  fallbackLines: readonly CrisisLine[];
  privacyLink: (label: string) => ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const press = usePressSos();
  const [isOpen, setOpen] = useState(false);
  const [result, setResult] = useState<SosResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const recipients = useSosRecipients(isOpen);
  const count = recipients.data?.count;

  async function confirm(close: () => void) {
    setError(null);
    try {
      const answer = await press.mutateAsync();
      setResult(answer);
      setFailed(false);
      close();
    } catch (caught) {
      setError(describeError(caught, t, i18n.language).message);
      setFailed(true);
    }
    requestAnimationFrame(() => outcomeRef.current?.focus());
  }

  return (
    <PageSection id="sos" title={t('sos.title')} lead={t('sos.lead')}>
      <DialogTrigger
        isOpen={isOpen}
        onOpenChange={(open) => {
          setOpen(open);
          if (!open) setError(null);
        }}
      >
        <Button variant="danger" className="sos-button">
          {t('sos.button')}
        </Button>
        <ModalDialog title={t('sos.confirmTitle')} role="alertdialog" isDismissable>
          {(close) => (
            <ConfirmContent
              error={error}
              pending={press.isPending}
              danger
              confirmLabel={t('sos.confirm')}
              onConfirm={() => void confirm(close)}
              onCancel={close}
            >
              <ConfirmBody count={count} loading={recipients.isPending} fallbackLines={fallbackLines} privacyLink={privacyLink} />
            </ConfirmContent>
          )}
        </ModalDialog>
      </DialogTrigger>
      <div ref={outcomeRef} tabIndex={-1} className="sos-outcome" aria-live="assertive">
        {result && result.alerted > 0 ? (
          <div className="stack">
            <p className="alert alert-success">{t('sos.alerted', { count: result.alerted })}</p>
            <h3>{t('sos.linesTitle')}</h3>
            <Lines lines={result.crisisLines} />
          </div>
        ) : null}
        {result && result.alerted === 0 ? (
          <div className="stack">
            <p className="alert alert-info">{t('sos.nobody')}</p>
            <Lines lines={result.crisisLines} />
            <p>{privacyLink(t('sos.choose'))}</p>
          </div>
        ) : null}
        {failed && !result ? (
          <div className="stack">
            <p className="alert alert-error">{t('sos.failed')}</p>
            <Lines lines={fallbackLines} />
          </div>
        ) : null}
      </div>
    </PageSection>
  );
}
