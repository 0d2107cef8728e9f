import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../components/ui/page-heading.tsx';
import { TodayPanel } from '../../features/today/components/today-panel.tsx';
import { hasAnyRole, useSessionData } from '../../lib/session.ts';
import { groupNavItems, NAV_ITEMS } from '../nav.ts';

/**
 * Welcome: the person's today first (check-in, clocks, the next session, meeting and event, unread
 * messages; a coach's day), then every place they can go, under the navigation's headings, so new
 * features appear here too.
 */
export function HomePage() {
  const { t } = useTranslation();
  const { user, organization } = useSessionData();
  const sections = groupNavItems(NAV_ITEMS.filter((item) => !item.end && hasAnyRole(user, item.roles)));
  return (
    <div className="stack-lg">
      <PageHeading
        title={t('home.title', { alias: user?.alias ?? '' })}
        lead={organization ? t('home.leadOrg', { organization: organization.name }) : t('home.lead')}
      />
      <TodayPanel />
      {sections.map(({ group, items }) => (
        <section key={group} className="stack-sm" aria-labelledby={`home-${group}`}>
          <h2 id={`home-${group}`}>{t(`nav.groups.${group}`)}</h2>
          <ul className="tile-list">
            {items.map((item) => (
              <li key={item.to}>
                <Link to={item.to} className="tile">
                  <span className="tile-title">{t(`nav.items.${item.label}`)}</span>
                  <span className="tile-description">{t(`nav.descriptions.${item.label}`)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
