import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/ui/loading.tsx';
import { PageHeading } from '../../components/ui/page-heading.tsx';
import { QueryError } from '../../components/ui/query-error.tsx';
import { PersonPicker } from '../../features/people/components/person-picker.tsx';
import { useGrants } from '../../features/privacy/api/grants.ts';
import { AccessLogList } from '../../features/privacy/components/access-log-list.tsx';
import { GivenGrants } from '../../features/privacy/components/given-grants.tsx';
import { ReceivedGrants } from '../../features/privacy/components/received-grants.tsx';
import { ShareForm } from '../../features/privacy/components/share-form.tsx';
import { useSessionData } from '../../lib/session.ts';
import { paths } from '../paths.ts';

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
      <section className="section" aria-labelledby="privacy-given">
        <h2 id="privacy-given">{t('privacy.given.title')}</h2>
        <p className="section-lead">{t('privacy.given.lead')}</p>
        {grantsBody((data) => (
          <GivenGrants grants={data.given} />
        ))}
      </section>
      <section className="section" aria-labelledby="privacy-share">
        <h2 id="privacy-share">{t('privacy.share.title')}</h2>
        <p className="section-lead">{t('privacy.share.lead')}</p>
        <div className="card">
          <ShareForm personField={(field) => <PersonPicker selfId={user?.id ?? ''} {...field} />} />
        </div>
      </section>
      <section className="section" aria-labelledby="privacy-received">
        <h2 id="privacy-received">{t('privacy.received.title')}</h2>
        <p className="section-lead">{t('privacy.received.lead')}</p>
        {grantsBody((data) => (
          <ReceivedGrants grants={data.received} personHref={paths.person.to} />
        ))}
      </section>
      <section className="section" aria-labelledby="privacy-log">
        <h2 id="privacy-log">{t('privacy.log.title')}</h2>
        <p className="section-lead">{t('privacy.log.lead')}</p>
        <AccessLogList />
      </section>
    </div>
  );
}
