import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading } from '../../components/ui/loading.tsx';
import { PageHeading } from '../../components/ui/page-heading.tsx';
import { PageSection } from '../../components/ui/page-section.tsx';
import { QueryError } from '../../components/ui/query-error.tsx';
import { useCaseload, useRiskRules } from '../../features/caseload/api/caseload.ts';
import { CaseloadList, RiskRulesExplained } from '../../features/caseload/components/caseload-list.tsx';
import { paths } from '../../lib/paths.ts';
import { MessageButton } from './message-button.tsx';

/** The coach's morning screen: every client, most in need first, refreshed every 30 seconds. */
export function CaseloadPage() {
  const { t } = useTranslation();
  const caseload = useCaseload();
  const rules = useRiskRules();
  return (
    <div className="stack-lg">
      <PageHeading title={t('caseload.title')} lead={t('caseload.lead')} />
      <PageSection id="caseload-clients" title={t('caseload.clientsTitle')}>
        {caseload.isPending ? <Loading /> : null}
        {caseload.isError ? <QueryError error={caseload.error} onRetry={() => void caseload.refetch()} /> : null}
        {caseload.data ? (
          <CaseloadList
            clients={caseload.data.clients}
            generatedAt={caseload.data.generatedAt}
            thresholds={rules.data?.thresholds}
            relationshipLink={(id, label) => (
              <Link to={paths.coachingRelationship.to(id)} className="btn btn-primary">
                {label}
              </Link>
            )}
            personLink={(memberId, label) => (
              <Link to={paths.person.to(memberId)} className="btn btn-secondary">
                {label}
              </Link>
            )}
            messageAction={(client) => (
              <MessageButton kind="coaching" person={client.memberId} label={t('messages.start', { alias: client.alias })} />
            )}
          />
        ) : null}
      </PageSection>
      <PageSection id="caseload-rules" title={t('caseload.rules.title')} lead={t('caseload.rules.lead')}>
        {rules.data ? <RiskRulesExplained info={rules.data} /> : null}
        {rules.isError ? <QueryError error={rules.error} onRetry={() => void rules.refetch()} /> : null}
      </PageSection>
    </div>
  );
}
