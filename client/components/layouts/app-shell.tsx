import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { signOut } from '../../lib/session.ts';
import { LanguageSwitcher } from '../language-switcher.tsx';
import { Button } from '../ui/button.tsx';
import { SiteHeader, SkipLink } from './site-header.tsx';

export type ShellNavItem = { to: string; label: string; end?: boolean };

type Props = { items: ShellNavItem[]; homeHref: string; alias: string };

/** The signed-in frame: header with the help button, the main navigation, the page, and a footer. */
export function AppShell({ items, homeHref, alias }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [signingOut, setSigningOut] = useState(false);

  return (
    <div className="shell">
      <SkipLink />
      <SiteHeader homeHref={homeHref} />
      <nav className="main-nav" aria-label={t('nav.label')}>
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
        <Button
          variant="quiet"
          isPending={signingOut}
          onPress={async () => {
            setSigningOut(true);
            try {
              await signOut(queryClient);
            } finally {
              setSigningOut(false);
            }
          }}
        >
          {t('common.signOut')}
        </Button>
      </footer>
    </div>
  );
}
