import { useTranslation } from 'react-i18next';
import type { Grant } from '../../../../shared/contracts/consent.ts';
import { GrantCard } from './grant-card.tsx';

export function ReceivedGrants({ grants }: { grants: Grant[] }) {
  const { t } = useTranslation();
  if (grants.length === 0) return <p className="empty">{t('privacy.received.empty')}</p>;
  return (
    <ul className="card-list">
      {grants.map((grant) => (
        <GrantCard key={grant.id} grant={grant} person="grantor" />
      ))}
    </ul>
  );
}
