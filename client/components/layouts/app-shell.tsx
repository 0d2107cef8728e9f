import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation } from 'react-router';
import { LanguageSwitcher } from '../language-switcher.tsx';
import { SignOutButton } from '../sign-out-button.tsx';
import { SiteHeader, SkipLink } from './site-header.tsx';

export type ShellNavItem = { to: string; label: string; end?: boolean };

type Props = {
  items: ShellNavItem[];
  homeHref: string;
  alias: string;
  safetyPlanHref?: string | undefined;
  /** Extra header actions from the app (the notification bell): layouts import no features. */
  headerActions?: ReactNode;
};

/** The signed-in frame: header with the help button, the main navigation, the page, and a footer. */
export function AppShell({ items, homeHref, alias, safetyPlanHref, headerActions }: Props) {
  const { t } = useTranslation();
  const navRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  // On a phone the navigation is one row that scrolls sideways: keep the current page's item in view.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs again after every navigation, when another item is active
  useEffect(() => {
    navRef.current?.querySelector('.nav-link.active')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [pathname]);

  return (
    <div className="shell">
      <SkipLink />
      <SiteHeader homeHref={homeHref} safetyPlanHref={safetyPlanHref} actions={headerActions} />
      <nav ref={navRef} className="main-nav" aria-label={t('nav.label')}>
        <ul>
          {items.map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} end={item.end} className="nav-link">
                {item.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1} className="main">
        <Outlet />
      </main>
      <footer className="site-footer">
        <p className="signed-in-as">{t('common.signedInAs', { alias })}</p>
        <LanguageSwitcher />
        <SignOutButton variant="quiet" />
      </footer>
    </div>
  );
}
