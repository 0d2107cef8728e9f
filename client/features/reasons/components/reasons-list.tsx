import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading } from '../../../components/ui/loading.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { useReasons } from '../api/reasons.ts';

/** The member's own reasons, read back to them (after a hard check-in). `editHref` leads to where they are written. */
export function ReasonsList({ editHref }: { editHref: string }) {
  const { t } = useTranslation();
  const reasons = useReasons();
  if (reasons.isPending) return <Loading />;
  if (reasons.isError) return <QueryError error={reasons.error} onRetry={() => void reasons.refetch()} />;
  if (reasons.data.reasons.length === 0) {
    return (
      <p className="empty">
        {t('reasons.noneYet')} <Link to={editHref}>{t('reasons.writeThem')}</Link>
      </p>
    );
  }
  return (
    <ul className="reason-list">
      {reasons.data.reasons.map((reason, index) => (
        // The list is the member's, ordered by them; the same text twice is still two reasons.
        // biome-ignore lint/suspicious/noArrayIndexKey: reasons have no id; order is their identity here
        <li key={index} className="reason-item">
          {reason}
        </li>
      ))}
    </ul>
  );
}
