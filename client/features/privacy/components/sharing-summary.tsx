import { useTranslation } from 'react-i18next';
import type { SharedWithMe } from '../../../../shared/contracts/consent.ts';
import { formatDate, formatDateTime } from '../../../lib/format.ts';

/** The top of a person view: how much they share, under which agreements, and that every look is logged. */
export function SharingSummary({ sharing }: { sharing: SharedWithMe }) {
  const { t } = useTranslation();
  const alias = sharing.person.alias;
  const readable = sharing.scopes.filter((scope) => scope !== 'sos');
  if (sharing.breakGlassUntil) {
    return (
      <div className="alert alert-emergency" role="status">
        <p>{t('personView.breakGlass', { time: formatDateTime(sharing.breakGlassUntil) })}</p>
      </div>
    );
  }
  return (
    <div className="card stack-sm" data-testid="sharing-summary">
      <p>
        {readable.length === 0 ? t('personView.sharesNothing', { alias }) : t('personView.sharesCount', { alias, count: readable.length })}{' '}
        {readable.length > 0 ? t('personView.logged') : null}
      </p>
      {sharing.grants.length > 0 ? (
        <>
          <h2 className="visually-hidden">{t('personView.grantsTitle')}</h2>
          <ul className="plan-items">
            {sharing.grants.map((grant) => (
              <li key={grant.id} className="break-word muted">
                {grant.expiresAt
                  ? t('personView.grantUntil', { purpose: grant.purpose, date: formatDate(grant.expiresAt) })
                  : t('personView.grant', { purpose: grant.purpose })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="muted">{sharing.scopes.includes('sos') ? t('personView.sos.yes', { alias }) : t('personView.sos.no', { alias })}</p>
    </div>
  );
}
