import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { PersonCard, RecoveryPathway, sharedProfileSchema } from '../../../../shared/contracts/people.ts';
import { formatLanguages } from '../../../lib/format.ts';

export type SharedProfile = z.output<typeof sharedProfileSchema>;

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Pathways({ pathways }: { pathways: RecoveryPathway[] }) {
  const { t } = useTranslation();
  if (pathways.length === 0) return <span className="muted">{t('people.details.notGiven')}</span>;
  return (
    <ul className="tag-list">
      {pathways.map((pathway) => (
        <li key={pathway} className="tag">
          {t(`pathways.${pathway}`)}
        </li>
      ))}
    </ul>
  );
}

/** What anyone signed in sees of a person: alias (the page title), pronouns and languages. */
export function CommunityDetails({ card }: { card: PersonCard }) {
  const { t } = useTranslation();
  const notGiven = <span className="muted">{t('people.details.notGiven')}</span>;
  return (
    <dl className="details person-details">
      <Row term={t('people.details.pronouns')}>{card.pronouns ?? notGiven}</Row>
      <Row term={t('people.details.languages')}>{card.languages.length > 0 ? formatLanguages(card.languages) : notGiven}</Row>
    </dl>
  );
}

/** The private profile a person shared (or that break-glass opened). */
export function ProfileDetails({ profile }: { profile: SharedProfile }) {
  const { t } = useTranslation();
  const notGiven = <span className="muted">{t('people.details.notGiven')}</span>;
  return (
    <dl className="details person-details">
      <Row term={t('people.details.legalName')}>{profile.legalName ?? notGiven}</Row>
      <Row term={t('people.details.pronouns')}>{profile.pronouns ?? notGiven}</Row>
      <Row term={t('people.details.languages')}>{profile.languages.length > 0 ? formatLanguages(profile.languages) : notGiven}</Row>
      <Row term={t('people.details.timezone')}>{profile.timezone.replaceAll('_', ' ')}</Row>
      <Row term={t('people.details.pathways')}>
        <Pathways pathways={profile.pathways} />
      </Row>
    </dl>
  );
}
