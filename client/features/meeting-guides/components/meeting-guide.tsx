import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading.tsx';
import { PageSection } from '../../../components/ui/page-section.tsx';
import { useMeetingGuide } from '../api/meeting-guides.ts';
import { GuideText } from './guide-text.tsx';
/** On a meeting's page: "what to expect" for its fellowship and type, in the reader's language. */
export function MeetingGuide({ meetingId }: { meetingId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language.startsWith('es') ? 'es' : 'en';
  const guide = useMeetingGuide(meetingId, language);
  return (
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
  );
}
