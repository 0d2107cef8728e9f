import { useTranslation } from 'react-i18next';
import type { CoachCard } from '../../../../shared/contracts/coaching.ts';
import { useCoachingLabels } from './coaching-labels.ts';

/** What a member reads about a coach: their words, pathways, experience, languages. */
export function CoachCardView({ coach, headingLevel = 3 }: { coach: CoachCard; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const labels = useCoachingLabels();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="coach-card">
      <Heading>{coach.alias}</Heading>
      {coach.livedExperience ? <p className="coach-words">{coach.livedExperience}</p> : null}
      <dl className="details">
        <div>
          <dt>{t('coaching.card.pathways')}</dt>
          <dd>{labels.list(coach.pathways.map(labels.pathway))}</dd>
        </div>
        <div>
          <dt>{t('coaching.card.specialties')}</dt>
          <dd>{labels.list(coach.specialties.map(labels.specialty))}</dd>
        </div>
        <div>
          <dt>{t('coaching.card.languages')}</dt>
          <dd>{labels.languages(coach.languages)}</dd>
        </div>
        <div>
          <dt>{t('coaching.card.gender')}</dt>
          <dd>{coach.gender ? labels.gender(coach.gender) : t('coaching.card.none')}</dd>
        </div>
        {coach.certification ? (
          <div>
            <dt>{t('coaching.card.certification')}</dt>
            <dd>{coach.certification}</dd>
          </div>
        ) : null}
      </dl>
    </div>
  );
}
