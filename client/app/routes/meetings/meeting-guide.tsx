import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { MeetingDetail } from '../../../../shared/contracts/meetings.ts';
import { Loading } from '../../../components/ui/loading.tsx';
import { PageSection } from '../../../components/ui/page-section.tsx';
import { AskBuddyForm } from '../../../features/buddies/components/ask-buddy-form.tsx';
import { useMeetingGuide } from '../../../features/meeting-guides/api/meeting-guides.ts';
import { GuideText } from '../../../features/meeting-guides/components/guide-text.tsx';
import { useSession } from '../../../lib/session.ts';
import { paths } from '../../paths.ts';
import type { SignInState } from '../signed-in-shell.tsx';

/** On a meeting's page: "what to expect" for its fellowship and type, and asking for a first-meeting buddy. */
export function MeetingGuide({ meeting }: { meeting: MeetingDetail }) {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const language = i18n.language.startsWith('es') ? 'es' : 'en';
  const guide = useMeetingGuide(meeting.id, language);
  const user = useSession().data?.user ?? null;
  const signInState: SignInState = { from: `${location.pathname}${location.search}` };
  return (
    <>
      <PageSection id="meeting-guide" title={t('guides.title')}>
        {guide.isPending ? (
          <Loading />
        ) : guide.data?.guide ? (
          <article className="card stack-sm" aria-labelledby="meeting-guide-title" lang={guide.data.guide.language}>
            <h3 id="meeting-guide-title">{guide.data.guide.title}</h3>
            <GuideText body={guide.data.guide.body} />
          </article>
        ) : (
          <p className="muted">{t('guides.none')}</p>
        )}
      </PageSection>
      <PageSection id="meeting-buddy" title={t('buddies.ask.title')} lead={t('buddies.ask.lead')}>
        {!user ? (
          <p>
            <Link to={paths.signIn} state={signInState}>
              {t('buddies.ask.signIn')}
            </Link>
          </p>
        ) : user.roles.includes('member') ? (
          <div className="card">
            <AskBuddyForm meetingId={meeting.id} timezone={meeting.timezone} />
          </div>
        ) : (
          <p className="muted">{t('buddies.ask.membersOnly')}</p>
        )}
      </PageSection>
    </>
  );
}
