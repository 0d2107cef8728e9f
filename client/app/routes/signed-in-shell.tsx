import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { AppShell, type ShellNavItem } from '../../components/layouts/app-shell.tsx';
import { useUnreadMessages } from '../../features/messages/api/messages.ts';
import { NotificationBell } from '../../features/reminders/components/notification-bell.tsx';
import { paths, type SignInState } from '../../lib/paths.ts';
import { hasAnyRole, signedOutOnPurpose, useSessionData } from '../../lib/session.ts';
import { groupNavItems, NAV_ITEMS, type NavItem } from '../nav.ts';

/** Everything behind sign-in. A person whose organization requires two-factor sets it up before anything else. */
export function SignedInShell() {
  const { t } = useTranslation();
  const { user } = useSessionData();
  const location = useLocation();
  const ready = !!user && !user.mfaSetupRequired;
  const unread = useUnreadMessages(ready).data?.unread ?? 0;

  if (!user) {
    // Come back here after signing in, unless the person signed out on purpose (the next person starts fresh).
    const state: SignInState = signedOutOnPurpose() ? null : { from: `${location.pathname}${location.search}` };
    return <Navigate to={paths.signIn} replace state={state} />;
  }
  if (user.mfaSetupRequired && location.pathname !== paths.security) {
    return <Navigate to={paths.security} replace />;
  }
  const visible = user.mfaSetupRequired
    ? NAV_ITEMS.filter((item) => item.to === paths.security)
    : NAV_ITEMS.filter((item) => hasAnyRole(user, item.roles));
  const shellItem = (item: NavItem): ShellNavItem => {
    const label = t(`nav.items.${item.label}`);
    if (item.to !== paths.messages) return { to: item.to, end: item.end, label };
    return { to: item.to, label, count: unread, countText: t('messages.unread', { count: unread }) };
  };
  const primary = visible.filter((item) => item.primary).map(shellItem);
  const sections = [
    { id: 'home', items: visible.filter((item) => !item.group).map(shellItem) },
    ...groupNavItems(visible).map(({ group, items }) => ({
      id: group,
      heading: t(`nav.groups.${group}`),
      items: items.map(shellItem),
    })),
  ].filter((section) => section.items.length > 0);
  // The safety plan is one tap away on every page, except while two-factor setup is required first.
  const safetyPlanHref = user.mfaSetupRequired ? undefined : paths.safetyPlan;
  const bell = user.mfaSetupRequired ? null : <NotificationBell href={paths.notifications} />;
  return (
    <AppShell
      primary={primary}
      sections={sections}
      homeHref={paths.home}
      alias={user.alias}
      safetyPlanHref={safetyPlanHref}
      headerActions={bell}
    />
  );
}
