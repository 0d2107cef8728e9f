import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { idSchema } from '../../../shared/contracts/common.ts';
import type { PersonCard } from '../../../shared/contracts/people.ts';
import { ROLE_GROUPS } from '../../../shared/contracts/roles.ts';
import { Loading } from '../../components/ui/loading.tsx';
import { PageHeading } from '../../components/ui/page-heading.tsx';
import { PageSection } from '../../components/ui/page-section.tsx';
import { QueryError } from '../../components/ui/query-error.tsx';
import { usePersonCard } from '../../features/people/api/person.ts';
import { CommunityDetails } from '../../features/people/components/person-details.tsx';
import { ProfileAccess } from '../../features/people/components/profile-access.tsx';
import { useSharedWithMe } from '../../features/privacy/api/grants.ts';
import { isApiError } from '../../lib/api-client.ts';
import { paths } from '../../lib/paths.ts';
import { hasAnyRole, useSessionData } from '../../lib/session.ts';
import { NotFound } from './not-found.tsx';
import { PersonView } from './person-view.tsx';

/** What the person shares with me, section by section, asked again every few seconds so a revocation shows at once. */
function SharedParts({ card, canBreakGlass }: { card: PersonCard; canBreakGlass: boolean }) {
  const sharing = useSharedWithMe(card.id);
  if (sharing.isPending) return <Loading />;
  if (sharing.isError) return <QueryError error={sharing.error} onRetry={() => void sharing.refetch()} />;
  const profileShared = sharing.data.scopes.includes('profile');
  return (
    <>
      <PersonView sharing={sharing.data} />
      <ProfileAccess person={card} canBreakGlass={canBreakGlass} shared={profileShared} />
    </>
  );
}

function Person({ id }: { id: string }) {
  const { t } = useTranslation();
  const { user } = useSessionData();
  const card = usePersonCard(id);
  const viewerId = user?.id ?? '';
  const isSelf = id === viewerId;

  // Unknown and disabled people answer 404; the heading stays the same element so it keeps the focus it got on arrival.
  const missing = card.isError && isApiError(card.error, 'NOT_FOUND');
  if (missing) {
    return (
      <div className="stack-lg">
        <PageHeading title={t('notFound.title')} lead={t('notFound.body')} />
        <p>
          <Link to={paths.home}>{t('notFound.home')}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="stack-lg">
      <PageHeading
        title={card.data?.alias ?? t('people.person.title')}
        lead={card.data ? (isSelf ? t('people.person.lead') : t('personView.lead', { alias: card.data.alias })) : undefined}
      />
      {card.isPending ? <Loading /> : null}
      {card.isError ? <QueryError error={card.error} onRetry={() => void card.refetch()} /> : null}
      {card.isSuccess ? (
        <>
          {isSelf ? (
            <p className="alert alert-info">
              {t('people.person.self')} <Link to={paths.profile}>{t('people.person.editProfile')}</Link>
            </p>
          ) : (
            <SharedParts card={card.data} canBreakGlass={hasAnyRole(user, ROLE_GROUPS.oversight)} />
          )}
          <PageSection id="person-community" title={t('people.person.communityTitle')}>
            <div className="card">
              <CommunityDetails card={card.data} />
            </div>
          </PageSection>
        </>
      ) : null}
    </div>
  );
}

/**
 * A person's page, the person view: every part of their record they share with me (each part saying plainly
 * when it is not shared), their community card, and (for supervisors and admins) break-glass.
 */
export function PersonPage() {
  const { id = '' } = useParams();
  // Not an id at all: the same answer as for someone who does not exist, without asking the server.
  if (!idSchema.safeParse(id).success) return <NotFound />;
  return <Person key={id} id={id} />;
}
