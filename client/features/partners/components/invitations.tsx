import { useState } from 'react';
import { DialogTrigger } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Scope } from '../../../../shared/contracts/consent.ts';
import { DEFAULT_PARTNER_SCOPES, type Partnership } from '../../../../shared/contracts/partners.ts';
import { Button } from '../../../components/ui/button.tsx';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { ModalDialog } from '../../../components/ui/modal-dialog.tsx';
import { describeError } from '../../../lib/form-errors.ts';
import { useAcceptPartner, useCancelPartner, useDeclinePartner } from '../api/partners.ts';
import { ScopeChoice, useScopeNames } from './scope-choice.tsx';

/** Accepting asks what I will share back, in a dialog, before anything is shared. */
function AcceptButton({ partnership }: { partnership: Partnership }) {
  const { t, i18n } = useTranslation();
  const accept = useAcceptPartner();
  const [scopes, setScopes] = useState<Scope[]>([...DEFAULT_PARTNER_SCOPES]);
  const [error, setError] = useState<string | null>(null);
  const alias = partnership.partner.alias;
  return (
    <DialogTrigger onOpenChange={() => setError(null)}>
      <Button>{t('partners.toMe.accept')}</Button>
      <ModalDialog title={t('partners.toMe.acceptTitle', { alias })} isDismissable>
        {(close) => (
          <div className="stack">
            <ScopeChoice
              label={t('partners.toMe.chooseScopes', { alias })}
              description={t('partners.invite.scopesHint')}
              value={scopes}
              onChange={setScopes}
              error={error ?? undefined}
            />
            <div className="button-row">
              <Button
                isPending={accept.isPending}
                onPress={async () => {
                  if (scopes.length === 0) {
                    setError(t('partners.invite.scopes'));
                    return;
                  }
                  try {
                    await accept.mutateAsync({ id: partnership.id, scopes });
                    close();
                  } catch (caught) {
                    setError(describeError(caught, t, i18n.language).message);
                  }
                }}
              >
                {t('partners.toMe.acceptConfirm')}
              </Button>
              <Button variant="secondary" onPress={close} isDisabled={accept.isPending}>
                {t('common.cancel')}
              </Button>
            </div>
          </div>
        )}
      </ModalDialog>
    </DialogTrigger>
  );
}

export function InvitationsToMe({ list }: { list: Partnership[] }) {
  const { t } = useTranslation();
  const names = useScopeNames();
  const decline = useDeclinePartner();
  if (list.length === 0) return <p className="muted">{t('partners.toMe.none')}</p>;
  return (
    <ul className="card-list">
      {list.map((partnership) => {
        const alias = partnership.partner.alias;
        const titleId = `invitation-${partnership.id}`;
        return (
          <li key={partnership.id} className="card">
            <h3 id={titleId}>{t('partners.toMe.from', { alias })}</h3>
            <p>{t('partners.toMe.theyShare', { scopes: names(partnership.theirScopes) })}</p>
            <div className="button-row">
              <AcceptButton partnership={partnership} />
              <ConfirmDialog
                triggerLabel={t('partners.toMe.decline')}
                triggerDescribedBy={titleId}
                title={t('partners.toMe.declineTitle', { alias })}
                confirmLabel={t('partners.toMe.declineConfirm')}
                onConfirm={async () => {
                  await decline.mutateAsync(partnership.id);
                }}
              >
                <p>{t('partners.toMe.declineBody')}</p>
              </ConfirmDialog>
            </div>
          </li>
        );
      })}
    </ul>
  );
}

export function InvitationsByMe({ list }: { list: Partnership[] }) {
  const { t } = useTranslation();
  const names = useScopeNames();
  const cancel = useCancelPartner();
  if (list.length === 0) return <p className="muted">{t('partners.byMe.none')}</p>;
  return (
    <ul className="card-list">
      {list.map((partnership) => {
        const alias = partnership.partner.alias;
        const titleId = `sent-${partnership.id}`;
        return (
          <li key={partnership.id} className="card">
            <h3 id={titleId}>{t('partners.byMe.waiting', { alias })}</h3>
            <p>{t('partners.byMe.youShare', { scopes: names(partnership.myScopes) })}</p>
            <div className="button-row">
              <ConfirmDialog
                triggerLabel={t('partners.byMe.cancel')}
                triggerDescribedBy={titleId}
                title={t('partners.byMe.cancelTitle', { alias })}
                confirmLabel={t('partners.byMe.cancelConfirm')}
                onConfirm={async () => {
                  await cancel.mutateAsync(partnership.id);
                }}
              >
                <p>{t('partners.byMe.cancelBody')}</p>
              </ConfirmDialog>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
