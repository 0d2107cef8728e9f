import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/ui/loading.tsx';
import { PageHeading } from '../../components/ui/page-heading.tsx';
import { PageSection } from '../../components/ui/page-section.tsx';
import { QueryError } from '../../components/ui/query-error.tsx';
import { PersonPicker } from '../../features/people/components/person-picker.tsx';
import { useGrants } from '../../features/privacy/api/grants.ts';
import { AccessLogList } from '../../features/privacy/components/access-log-list.tsx';
import { GivenGrants } from '../../features/privacy/components/given-grants.tsx';
import { ReceivedGrants } from '../../features/privacy/components/received-grants.tsx';
import { ShareForm } from '../../features/privacy/components/share-form.tsx';
import { paths } from '../../lib/paths.ts';
import { useSessionData } from '../../lib/session.ts';

export function PrivacyPage() {
  const { t } = useTranslation();
  const { user } = useSessionData();
  const grants = useGrants();
  const grantsBody = (render: (data: NonNullable<typeof grants.data>) => ReactNode) => {
    if (grants.isPending) return <Loading />;
    if (grants.isError) return <QueryError error={grants.error} onRetry={() => void grants.refetch()} />;
    return render(grants.data);
  };

  return (
    <div className="stack-lg">
      <PageHeading title={t('privacy.title')} lead={t('privacy.lead')} />
      <PageSection id="privacy-given" title={t('privacy.given.title')} lead={t('privacy.given.lead')}>
        {grantsBody((data) => (
          <GivenGrants grants={data.given} />
        ))}
      </PageSection>
      <PageSection id="privacy-share" title={t('privacy.share.title')} lead={t('privacy.share.lead')}>
        <div className="card">
          <ShareForm personField={(field) => <PersonPicker selfId={user?.id ?? ''} {...field} />} />
        </div>
      </PageSection>
      <PageSection id="privacy-received" title={t('privacy.received.title')} lead={t('privacy.received.lead')}>
        {grantsBody((data) => (
          <ReceivedGrants grants={data.received} personHref={paths.person.to} />
        ))}
      </PageSection>
      <PageSection id="privacy-log" title={t('privacy.log.title')} lead={t('privacy.log.lead')}>
        <AccessLogList />
      </PageSection>
    </div>
  );
}
