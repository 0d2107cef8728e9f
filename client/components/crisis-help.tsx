import { DialogTrigger } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { type CrisisLine, DEFAULT_CRISIS_LINES } from '../../shared/contracts/organization.ts';
import { smsHref, telHref } from '../../shared/crisis-links.ts';
import { useSession } from '../lib/session.ts';
import { Button } from './ui/button.tsx';
import { ModalDialog } from './ui/modal-dialog.tsx';

export function CrisisLineItem({ line }: { line: CrisisLine }) {
  const { t } = useTranslation();
  const sms = line.text ? smsHref(line.text) : null;
  return (
    <li className="crisis-line">
      <p className="crisis-line-name">{line.name}</p>
      {line.note ? <p className="crisis-line-note">{line.note}</p> : null}
      <div className="button-row">
        {line.phone ? (
          <a className="btn btn-primary" href={telHref(line.phone)}>
            {t('crisis.call', { number: line.phone })}
          </a>
        ) : null}
        {line.text && sms ? (
          <a className="btn btn-secondary" href={sms}>
            {t('crisis.text', { number: line.text })}
          </a>
        ) : null}
        {line.text && !sms ? <p>{t('crisis.textKeyword', { keyword: line.text })}</p> : null}
        {line.url ? (
          <a className="btn btn-secondary" href={line.url} target="_blank" rel="noopener noreferrer">
            {t('crisis.website')}
          </a>
        ) : null}
      </div>
    </li>
  );
}

/** Help is one tap away from every screen, signed in or not, and even before the organization is set up. */
export function CrisisHelp() {
  const { t } = useTranslation();
  const session = useSession();
  const lines = session.data?.organization?.crisisLines ?? DEFAULT_CRISIS_LINES;
  return (
    <DialogTrigger>
      <Button variant="danger" className="help-button">
        {t('crisis.button')}
      </Button>
      <ModalDialog title={t('crisis.title')} isDismissable>
        {(close) => (
          <>
            <p>{t('crisis.intro')}</p>
            {lines.length > 0 ? (
              <ul className="crisis-lines">
                {lines.map((line) => (
                  <CrisisLineItem key={`${line.name}-${line.phone ?? ''}-${line.text ?? ''}`} line={line} />
                ))}
              </ul>
            ) : (
              <p>{t('crisis.none')}</p>
            )}
            <div className="button-row">
              <Button variant="secondary" onPress={close}>
                {t('common.close')}
              </Button>
            </div>
          </>
        )}
      </ModalDialog>
    </DialogTrigger>
  );
}
