import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { inRoleGroup } from '../../../../shared/contracts/roles.ts';
import { PageSection } from '../../../components/ui/page-section.tsx';
import { paths, type SignInState } from '../../../lib/paths.ts';
import { useSession } from '../../../lib/session.ts';
import { AskBuddyForm } from './ask-buddy-form.tsx';

/** On a meeting's page: asking for a first-meeting buddy (members), or a way to sign in first. */
export function AskBuddySection({ meetingId, timezone }: { meetingId: string; timezone: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  const user = useSession().data?.user ?? null;
  const signInState: SignInState = { from: `${location.pathname}${location.search}` };
  return (
    <PageSection id="meeting-buddy" title={t('buddies.ask.title')} lead={t('buddies.ask.lead')}>
      {!user ? (
        <p>
          <Link to={paths.signIn} state={signInState}>
            {t('buddies.ask.signIn')}
          </Link>
        </p>
      ) : inRoleGroup(user.roles, 'members') ? (
        <div className="card">
          <AskBuddyForm meetingId={meetingId} timezone={timezone} />
        </div>
      ) : (
        <p className="muted">{t('buddies.ask.membersOnly')}</p>
      )}
    </PageSection>
  );
}
