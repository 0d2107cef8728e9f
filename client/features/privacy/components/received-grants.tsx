import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Grant } from '../../../../shared/contracts/consent.ts';
import { GrantCard } from './grant-card.tsx';

type Props = { grants: Grant[]; personHref: (id: string) => string };

export function ReceivedGrants({ grants, personHref }: Props) {
  const { t } = useTranslation();
  if (grants.length === 0) return <p className="empty">{t('privacy.received.empty')}</p>;
  return (
    <ul className="card-list">
      {grants.map((grant) => (
        <GrantCard
          key={grant.id}
          grant={grant}
          person="grantor"
          action={() => (
            <Link to={personHref(grant.grantor.id)} className="btn btn-secondary">
              {t('privacy.received.view', { alias: grant.grantor.alias })}
            </Link>
          )}
        />
      ))}
    </ul>
  );
}
