import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/ui/loading.tsx';
import { PageHeading } from '../../components/ui/page-heading.tsx';
import { QueryError } from '../../components/ui/query-error.tsx';
import { useReasons } from '../../features/reasons/api/reasons.ts';
import { ReasonsEditor } from '../../features/reasons/components/reasons-editor.tsx';

export function ReasonsPage() {
  const { t } = useTranslation();
  const reasons = useReasons();
  return (
    <div className="stack">
      <PageHeading title={t('reasons.title')} lead={t('reasons.lead')} />
      {reasons.isPending ? <Loading /> : null}
      {reasons.isError ? <QueryError error={reasons.error} onRetry={() => void reasons.refetch()} /> : null}
      {reasons.isSuccess ? <ReasonsEditor initial={reasons.data.reasons} /> : null}
    </div>
  );
}
