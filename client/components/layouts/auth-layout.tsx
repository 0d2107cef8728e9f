import type { ReactNode } from 'react';
import { Outlet } from 'react-router';
import { LanguageSwitcher } from '../language-switcher.tsx';
import { SiteHeader, SkipLink } from './site-header.tsx';

/** The frame for signed-out screens: a narrow centred column, help and language always there. */
export function AuthLayout({ homeHref, children }: { homeHref: string; children?: ReactNode }) {
  return (
    <div className="shell shell-narrow">
      <SkipLink />
      <SiteHeader homeHref={homeHref} />
      <main id="main" tabIndex={-1} className="main main-narrow">
        {children ?? <Outlet />}
      </main>
      <footer className="site-footer">
        <LanguageSwitcher />
      </footer>
    </div>
  );
}
