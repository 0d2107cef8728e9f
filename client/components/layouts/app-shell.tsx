import { type KeyboardEvent, type FocusEvent as ReactFocusEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation } from 'react-router';
import { LanguageSwitcher } from '../language-switcher.tsx';
import { SignOutButton } from '../sign-out-button.tsx';
import { CountBadge } from '../ui/count-badge.tsx';
import { SiteHeader, SkipLink } from './site-header.tsx';

export type ShellNavItem = {
  to: string;
  label: string;
  end?: boolean | undefined;
  /** A number shown beside the label (unread messages)… */
  count?: number | undefined;
  /** …and the same in words for screen readers ("2 unread"): the link is then "Messages, 2 unread". */
  countText?: string | undefined;
};

/** A run of links under one heading; the first section (Home) has none. */
export type ShellNavSection = { id: string; heading?: string | undefined; items: ShellNavItem[] };

type Props = {
  /** The phone's short row beside "Menu". */
  primary: ShellNavItem[];
  /** Everything, grouped: the sidebar on a wide screen, the menu on a phone. */
  sections: ShellNavSection[];
  homeHref: string;
  alias: string;
  safetyPlanHref?: string | undefined;
  /** Extra header actions from the app (the notification bell): layouts import no features. */
  headerActions?: ReactNode;
};

function ShellLink({ item }: { item: ShellNavItem }) {
  const counted = !!item.count && !!item.countText;
  return (
    <NavLink to={item.to} end={item.end} className="nav-link">
      {/* With a count, screen readers hear one phrase ("Messages, 2 unread") instead of the label and a bare number. */}
      <span className="nav-link-label" aria-hidden={counted || undefined}>
        {item.label}
      </span>
      {counted ? <span className="visually-hidden">{`${item.label}, ${item.countText}`}</span> : null}
      <CountBadge count={item.count ?? 0} />
    </NavLink>
  );
}

/**
 * The signed-in frame: header with the help button, the main navigation, the page, and a footer.
 * Wide screens show every section of the navigation in a sidebar. A phone shows a short row (the
 * everyday places) and a "Menu" button that opens the same sections below it: focus moves into the
 * menu, Escape closes it and returns to the button, and Tab simply moves on (nothing is trapped).
 */
export function AppShell({ primary, sections, homeHref, alias, safetyPlanHref, headerActions }: Props) {
  const { t } = useTranslation();
  const menuId = useId();
  const [open, setOpen] = useState(false);
  const navRef = useRef<HTMLElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const { pathname } = useLocation();

  // Choosing a page closes the menu (the page's own heading then takes focus).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs again after every navigation
  useEffect(() => {
    setOpen(false);
  }, [pathname]);

  // On a wide screen the sidebar scrolls by itself when it is taller than the window: bring the
  // current page's link into its view (only the sidebar moves, never the page).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs again after every navigation
  useEffect(() => {
    const nav = navRef.current;
    const current = nav?.querySelector<HTMLElement>('.nav-menu a[aria-current="page"]');
    if (!nav || !current || nav.scrollHeight <= nav.clientHeight) return;
    const box = nav.getBoundingClientRect();
    const link = current.getBoundingClientRect();
    const margin = 40;
    if (link.top < box.top + margin || link.bottom > box.bottom - margin) {
      nav.scrollTop += link.top - box.top - (box.height - link.height) / 2;
    }
  }, [pathname]);

  const openMenu = () => {
    setOpen(true);
    // Once the menu is shown, focus its first link that is on screen (Home is in the row above on a phone).
    requestAnimationFrame(() => {
      const links = Array.from(menuRef.current?.querySelectorAll<HTMLElement>('a[href]') ?? []);
      links.find((link) => link.getClientRects().length > 0)?.focus();
    });
  };
  const closeMenu = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (open && event.key === 'Escape') {
      event.stopPropagation();
      closeMenu(true);
    }
  };
  // Tabbing or clicking away from the navigation closes the menu, so it never covers the page.
  const onBlur = (event: ReactFocusEvent) => {
    const next = event.relatedTarget;
    if (open && next instanceof Node && !navRef.current?.contains(next)) setOpen(false);
  };

  return (
    <div className="shell">
      <SkipLink />
      <SiteHeader homeHref={homeHref} safetyPlanHref={safetyPlanHref} actions={headerActions} />
      <nav ref={navRef} className="main-nav" aria-label={t('nav.label')} onKeyDown={onKeyDown} onBlur={onBlur}>
        <ul className="nav-primary">
          {primary.map((item) => (
            <li key={item.to}>
              <ShellLink item={item} />
            </li>
          ))}
          <li>
            <button
              ref={buttonRef}
              type="button"
              className="nav-link nav-menu-button"
              aria-expanded={open}
              aria-controls={menuId}
              onClick={() => (open ? closeMenu(false) : openMenu())}
            >
              <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.5">
                {open ? <path d="M6 6l12 12M18 6L6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
              </svg>
              <span className="nav-link-label">{t('nav.menu')}</span>
            </button>
          </li>
        </ul>
        <div ref={menuRef} id={menuId} className="nav-menu" data-open={open ? 'true' : undefined}>
          {sections.map((section) =>
            section.heading ? (
              <div key={section.id} className="nav-group">
                <h2 className="nav-group-heading" id={`${menuId}-${section.id}`}>
                  {section.heading}
                </h2>
                <ul aria-labelledby={`${menuId}-${section.id}`}>
                  {section.items.map((item) => (
                    <li key={item.to}>
                      <ShellLink item={item} />
                    </li>
                  ))}
                </ul>
              </div>
            ) : (
              <ul key={section.id} className="nav-group nav-home">
                {section.items.map((item) => (
                  <li key={item.to}>
                    <ShellLink item={item} />
                  </li>
                ))}
              </ul>
            ),
          )}
        </div>
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
