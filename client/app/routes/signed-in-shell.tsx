import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { AppShell } from '../../components/layouts/app-shell.tsx';
import { NotificationBell } from '../../features/reminders/components/notification-bell.tsx';
import { hasAnyRole, signedOutOnPurpose, useSessionData } from '../../lib/session.ts';
import { NAV_ITEMS } from '../nav.ts';
import { paths } from '../paths.ts';

export type SignInState = { from?: string } | null;

/** Everything behind sign-in. A person whose organization requires two-factor sets it up before anything else. */
export function SignedInShell() {
  const { t } = useTranslation();
  const { user } = useSessionData();
  const location = useLocation();

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
  const items = visible.map((item) => ({ to: item.to, end: item.end, label: t(`nav.items.${item.label}`) }));
  // The safety plan is one tap away on every page, except while two-factor setup is required first.
  const safetyPlanHref = user.mfaSetupRequired ? undefined : paths.safetyPlan;
  const bell = user.mfaSetupRequired ? null : <NotificationBell href={paths.notifications} />;
  return <AppShell items={items} homeHref={paths.home} alias={user.alias} safetyPlanHref={safetyPlanHref} headerActions={bell} />;
}
