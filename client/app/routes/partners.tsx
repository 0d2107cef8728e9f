import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading } from '../../components/ui/loading.tsx';
import { PageHeading } from '../../components/ui/page-heading.tsx';
import { PageSection } from '../../components/ui/page-section.tsx';
import { QueryError } from '../../components/ui/query-error.tsx';
import { usePartnerships } from '../../features/partners/api/partners.ts';
import { ActivePartners, EndedPartnerships } from '../../features/partners/components/active-partners.tsx';
import { InvitationsByMe, InvitationsToMe } from '../../features/partners/components/invitations.tsx';
import { InvitePartnerForm } from '../../features/partners/components/invite-partner-form.tsx';
import { PersonPicker } from '../../features/people/components/person-picker.tsx';
import { paths } from '../../lib/paths.ts';
import { useSessionData } from '../../lib/session.ts';
import { MessageButton } from './message-button.tsx';

/** Accountability partners: invite, answer invitations, see what partners share, nudge, message, end. */
export function PartnersPage() {
  const { t } = useTranslation();
  const { user } = useSessionData();
  const partnerships = usePartnerships();
  const body = (render: (data: NonNullable<typeof partnerships.data>) => React.ReactNode) => {
    if (partnerships.isPending) return <Loading />;
    if (partnerships.isError) return <QueryError error={partnerships.error} onRetry={() => void partnerships.refetch()} />;
    return render(partnerships.data);
  };
  return (
    <div className="stack-lg">
      <PageHeading title={t('partners.title')} lead={t('partners.lead')} />
      <PageSection id="partners-active" title={t('partners.active.title')}>
        {body((data) => (
          <ActivePartners
            list={data.active}
            personLink={(partnership) => (
              <Link to={paths.person.to(partnership.partner.id)} className="btn btn-secondary">
                {t('personView.open', { alias: partnership.partner.alias })}
              </Link>
            )}
            messageAction={(partnership) => (
              <MessageButton
                kind="partners"
                person={partnership.partner.id}
                label={t('messages.start', { alias: partnership.partner.alias })}
              />
            )}
          />
        ))}
      </PageSection>
      <PageSection id="partners-to-me" title={t('partners.toMe.title')}>
        {body((data) => (
          <InvitationsToMe list={data.invitationsToMe} />
        ))}
      </PageSection>
      <PageSection id="partners-invite" title={t('partners.invite.title')} lead={t('partners.invite.lead')}>
        <div className="card">
          <InvitePartnerForm personField={(field) => <PersonPicker selfId={user?.id ?? ''} {...field} />} />
        </div>
      </PageSection>
      <PageSection id="partners-by-me" title={t('partners.byMe.title')}>
        {body((data) => (
          <InvitationsByMe list={data.invitedByMe} />
        ))}
      </PageSection>
      {partnerships.data && partnerships.data.ended.length > 0 ? (
        <PageSection id="partners-ended" title={t('partners.ended.title')}>
          <EndedPartnerships list={partnerships.data.ended} />
        </PageSection>
      ) : null}
    </div>
  );
}
