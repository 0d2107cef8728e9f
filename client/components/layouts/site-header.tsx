import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { CrisisHelp } from '../crisis-help.tsx';

export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="skip-link" href="#main">
      {t('common.skipToContent')}
    </a>
  );
}

type Props = {
  homeHref: string;
  /** Signed-in people get their own safety plan one tap away, next to the crisis lines. */
  safetyPlanHref?: string | undefined;
  actions?: ReactNode;
};

export function SiteHeader({ homeHref, safetyPlanHref, actions }: Props) {
  const { t } = useTranslation();
  return (
    <header className="site-header">
      <Link to={homeHref} className="brand">
        <img src="/favicon.svg" alt="" width="32" height="32" />
        <span className="brand-name">{t('app.name')}</span>
      </Link>
      <div className="header-actions">
        {actions}
        {safetyPlanHref ? (
          <NavLink to={safetyPlanHref} className="btn btn-secondary safety-plan-button">
            {t('safetyPlan.headerLink')}
          </NavLink>
        ) : null}
        <CrisisHelp />
      </div>
    </header>
  );
}
