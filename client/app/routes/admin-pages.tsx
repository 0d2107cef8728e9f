import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/ui/loading.tsx';
import { PageHeading } from '../../components/ui/page-heading.tsx';
import { PageSection } from '../../components/ui/page-section.tsx';
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
import { paths } from '../../lib/paths.ts';
import { useSessionData } from '../../lib/session.ts';

export function AdminPeoplePage() {
  const { t } = useTranslation();
  const { user } = useSessionData();
  return (
    <div className="stack-lg">
      <PageHeading title={t('admin.people.title')} lead={t('admin.people.lead')} />
      <PageSection id="admin-invite" title={t('admin.invites.title')}>
        <div className="card">
          <InviteForm />
        </div>
      </PageSection>
      <PageSection id="admin-pending" title={t('admin.invites.pendingTitle')}>
        <PendingInvites />
      </PageSection>
      <PageSection id="admin-people" title={t('admin.people.listTitle')}>
        <PeopleList selfId={user?.id ?? ''} personHref={paths.person.to} />
      </PageSection>
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
      <PageSection id="break-glass-find" title={t('admin.breakGlass.findTitle')} lead={t('admin.breakGlass.findLead')}>
        <div className="card">
          <PersonFinder selfId={user?.id ?? ''} personHref={paths.person.to} />
        </div>
      </PageSection>
      <PageSection id="break-glass-log" title={t('admin.breakGlass.listTitle')}>
        <BreakGlassLog personHref={paths.person.to} />
      </PageSection>
    </div>
  );
}
