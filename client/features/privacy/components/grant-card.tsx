import type { ReactNode } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Grant } from '../../../../shared/contracts/consent.ts';
import { StatusBadge } from '../../../components/ui/status-badge.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { scopeKey } from '../../../lib/labels.ts';

const STATUS_TONE = { active: 'good', scheduled: 'neutral', expired: 'neutral', revoked: 'warn' } as const;

type Props = {
  grant: Grant;
  /** Whose name heads the card: the person I share with, or the person who shares with me. */
  person: 'grantee' | 'grantor';
  action?: (titleId: string) => ReactNode;
};

export function GrantCard({ grant, person, action }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const who = person === 'grantee' ? grant.grantee.alias : grant.grantor.alias;
  return (
    <li className="card grant-card">
      <div className="card-title-row">
        <h3 id={titleId}>{who}</h3>
        <StatusBadge tone={STATUS_TONE[grant.status]}>{t(`grantStatus.${grant.status}`)}</StatusBadge>
      </div>
      <dl className="details">
        <div>
          <dt>{t('privacy.grant.scopes')}</dt>
          <dd>
            <ul className="tag-list">
              {grant.scopes.map((scope) => (
                <li key={scope} className="tag">
                  {t(`scopes.${scopeKey(scope)}.label`)}
                </li>
              ))}
            </ul>
          </dd>
        </div>
        <div>
          <dt>{t('privacy.grant.purpose')}</dt>
          <dd>{grant.purpose}</dd>
        </div>
        <div>
          <dt>{t('privacy.grant.since')}</dt>
          <dd>{formatDateTime(grant.startsAt)}</dd>
        </div>
        <div>
          <dt>{t('privacy.grant.until')}</dt>
          <dd>
            {grant.revokedAt
              ? t('privacy.grant.revokedOn', { date: formatDateTime(grant.revokedAt) })
              : grant.expiresAt
                ? formatDateTime(grant.expiresAt)
                : t('privacy.grant.noEnd')}
          </dd>
        </div>
      </dl>
      {action ? <div className="button-row">{action(titleId)}</div> : null}
    </li>
  );
}
