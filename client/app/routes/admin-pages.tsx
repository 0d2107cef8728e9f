import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/ui/loading.tsx';
import { PageHeading } from '../../components/ui/page-heading.tsx';
import { QueryError } from '../../components/ui/query-error.tsx';
import { useOrganizationSettings } from '../../features/admin/api/settings.ts';
import { AuditList } from '../../features/admin/components/audit-list.tsx';
import { InviteForm } from '../../features/admin/components/invite-form.tsx';
import { OutboxList } from '../../features/admin/components/outbox-list.tsx';
import { PendingInvites } from '../../features/admin/components/pending-invites.tsx';
import { PeopleList } from '../../features/admin/components/people-list.tsx';
import { SettingsForm } from '../../features/admin/components/settings-form.tsx';
import { BreakGlassLog } from '../../features/people/components/break-glass-log.tsx';
import { PersonFinder } from '../../features/people/components/person-finder.tsx';
import { useSessionData } from '../../lib/session.ts';
import { paths } from '../paths.ts';

export function AdminPeoplePage() {
  const { t } = useTranslation();
  const { user } = useSessionData();
  return (
    <div className="stack-lg">
      <PageHeading title={t('admin.people.title')} lead={t('admin.people.lead')} />
      <section className="section" aria-labelledby="admin-invite">
        <h2 id="admin-invite">{t('admin.invites.title')}</h2>
        <div className="card">
          <InviteForm />
        </div>
      </section>
      <section className="section" aria-labelledby="admin-pending">
        <h2 id="admin-pending">{t('admin.invites.pendingTitle')}</h2>
        <PendingInvites />
      </section>
      <section className="section" aria-labelledby="admin-people">
        <h2 id="admin-people">{t('admin.people.listTitle')}</h2>
        <PeopleList selfId={user?.id ?? ''} personHref={paths.person.to} />
      </section>
    </div>
  );
}

export function AdminSettingsPage() {
  const { t } = useTranslation();
  const settings = useOrganizationSettings();
  return (
    <div className="stack">
      <PageHeading title={t('admin.settings.title')} lead={t('admin.settings.lead')} />
      {settings.isPending ? <Loading /> : null}
      {settings.isError ? <QueryError error={settings.error} onRetry={() => void settings.refetch()} /> : null}
      {settings.isSuccess ? <SettingsForm settings={settings.data} /> : null}
    </div>
  );
}

export function AdminOutboxPage() {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <PageHeading title={t('admin.outbox.title')} lead={t('admin.outbox.lead')} />
      <OutboxList />
    </div>
  );
}

export function AdminAuditPage() {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <PageHeading title={t('admin.audit.title')} lead={t('admin.audit.lead')} />
      <AuditList />
    </div>
  );
}

export function AdminBreakGlassPage() {
  const { t } = useTranslation();
  const { user } = useSessionData();
  return (
    <div className="stack-lg">
      <PageHeading title={t('admin.breakGlass.title')} lead={t('admin.breakGlass.lead')} />
      <section className="section" aria-labelledby="break-glass-find">
        <h2 id="break-glass-find">{t('admin.breakGlass.findTitle')}</h2>
        <p className="section-lead">{t('admin.breakGlass.findLead')}</p>
        <div className="card">
          <PersonFinder selfId={user?.id ?? ''} personHref={paths.person.to} />
        </div>
      </section>
      <section className="section" aria-labelledby="break-glass-log">
        <h2 id="break-glass-log">{t('admin.breakGlass.listTitle')}</h2>
        <BreakGlassLog personHref={paths.person.to} />
      </section>
    </div>
  );
}
