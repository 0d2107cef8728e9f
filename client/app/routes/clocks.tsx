import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading } from '../../components/ui/loading.tsx';
import { PageHeading } from '../../components/ui/page-heading.tsx';
import { PageSection } from '../../components/ui/page-section.tsx';
import { QueryError } from '../../components/ui/query-error.tsx';
import { useClocks } from '../../features/clocks/api/clocks.ts';
import { AddClockForm } from '../../features/clocks/components/add-clock-form.tsx';
import { ClockCard } from '../../features/clocks/components/clock-card.tsx';
import { MilestoneCelebration } from '../../features/clocks/components/milestone-celebration.tsx';
import { paths } from '../../lib/paths.ts';

export function ClocksPage() {
  const { t } = useTranslation();
  const clocks = useClocks();
  return (
    <div className="stack">
      <PageHeading title={t('clocks.title')} lead={t('clocks.lead')} />
      <MilestoneCelebration clocks={clocks.data?.clocks} />
      <PageSection id="clocks-mine" title={t('clocks.mine')}>
        {clocks.isPending ? <Loading /> : null}
        {clocks.isError ? <QueryError error={clocks.error} onRetry={() => void clocks.refetch()} /> : null}
        {clocks.isSuccess && clocks.data.clocks.length === 0 ? <p className="empty">{t('clocks.empty')}</p> : null}
        {clocks.isSuccess && clocks.data.clocks.length > 0 ? (
          <ul className="card-list">
            {clocks.data.clocks.map((clock) => (
              <ClockCard key={clock.id} clock={clock} />
            ))}
          </ul>
        ) : null}
      </PageSection>
      <PageSection id="clocks-add" title={t('clocks.add')} lead={t('clocks.addLead')}>
        <AddClockForm />
      </PageSection>
      <p>
        <Link to={paths.reasons} className="title-link">
          {t('clocks.reasonsLink')}
        </Link>
      </p>
    </div>
  );
}
