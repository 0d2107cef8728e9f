import { useTranslation } from 'react-i18next';
import type { Grant } from '../../../../shared/contracts/consent.ts';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { useRevokeGrant } from '../api/grants.ts';
import { GrantCard } from './grant-card.tsx';

function isCurrent(grant: Grant): boolean {
  return grant.status === 'active' || grant.status === 'scheduled';
}

export function GivenGrants({ grants }: { grants: Grant[] }) {
  const { t } = useTranslation();
  const revoke = useRevokeGrant();
  const current = grants.filter(isCurrent);
  const past = grants.filter((grant) => !isCurrent(grant));

  if (grants.length === 0) return <p className="empty">{t('privacy.given.empty')}</p>;

  return (
    <div className="stack">
      {current.length === 0 ? <p className="empty">{t('privacy.given.noneActive')}</p> : null}
      <ul className="card-list">
        {current.map((grant) => (
          <GrantCard
            key={grant.id}
            grant={grant}
            person="grantee"
            action={(titleId) => (
              <ConfirmDialog
                triggerLabel={t('privacy.given.revoke')}
                triggerDescribedBy={titleId}
                title={t('privacy.given.confirmTitle', { alias: grant.grantee.alias })}
                confirmLabel={t('privacy.given.confirm')}
                danger
                onConfirm={async () => {
                  await revoke.mutateAsync(grant.id);
                }}
              >
                <p>{t('privacy.given.confirmBody', { alias: grant.grantee.alias })}</p>
              </ConfirmDialog>
            )}
          />
        ))}
      </ul>
      {past.length > 0 ? (
        <details className="disclosure">
          <summary>{t('privacy.given.past', { count: past.length })}</summary>
          <ul className="card-list">
            {past.map((grant) => (
              <GrantCard key={grant.id} grant={grant} person="grantee" />
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
