import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { AuthLayout } from '../../components/layouts/auth-layout.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { QueryError } from '../../components/ui/query-error.tsx';
import { OfflineSafetyPlanScreen } from '../../features/safety-plan/components/offline-safety-plan.tsx';
import { ApiError, isApiError } from '../../lib/api-client.ts';
import { paths } from '../../lib/paths.ts';
import { useSession } from '../../lib/session.ts';

/** After a client-side navigation, focus the new page's heading so screen readers announce where they are. */
function useFocusOnNavigate() {
  const { pathname } = useLocation();
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the effect runs because the path changed; it reads the DOM, not pathname.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const target = document.querySelector<HTMLElement>('main h1') ?? document.getElementById('main');
    target?.focus({ preventScroll: true });
  }, [pathname]);
}

function SessionError({ error, retry, offline }: { error: unknown; retry: () => void; offline: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <h1 tabIndex={-1}>{t('app.unavailable')}</h1>
      <QueryError error={error} onRetry={retry} />
      {offline ? (
        <p>
          <Link to={paths.safetyPlan} className="btn btn-secondary">
            {t('safetyPlan.headerLink')}
          </Link>
        </p>
      ) : null}
    </div>
  );
}

/** Loads the session once for the whole app and sends a fresh install to first-run setup. */
export function Root() {
  const session = useSession();
  const { pathname } = useLocation();
  useFocusOnNavigate();

  // No network and no session yet (the installed app opened offline): the safety plan kept on this device still opens.
  const offline =
    (session.isPending && session.fetchStatus === 'paused') || (session.isError && isApiError(session.error) && session.error.status === 0);
  if (offline && pathname === paths.safetyPlan) {
    return (
      <AuthLayout homeHref={paths.home}>
        <OfflineSafetyPlanScreen />
      </AuthLayout>
    );
  }
  if (session.isPending && session.fetchStatus === 'paused') {
    return (
      <AuthLayout homeHref={paths.home}>
        <SessionError error={new ApiError(0, 'INTERNAL', 'Offline')} retry={() => void session.refetch()} offline />
      </AuthLayout>
    );
  }
  if (session.isPending) {
    // Even on a slow network the help button is there from the first paint (with the default crisis lines).
    return (
      <AuthLayout homeHref={paths.home}>
        <div className="splash">
          <Loading />
        </div>
      </AuthLayout>
    );
  }
  if (session.isError) {
    // Even when the server cannot be reached, the crisis lines (defaults) stay one tap away.
    return (
      <AuthLayout homeHref={paths.home}>
        <SessionError error={session.error} retry={() => void session.refetch()} offline={offline} />
      </AuthLayout>
    );
  }
  const { needsSetup } = session.data;
  if (needsSetup && pathname !== paths.setup) return <Navigate to={paths.setup} replace />;
  if (!needsSetup && pathname === paths.setup) return <Navigate to={paths.home} replace />;
  return (
    <>
      <ScrollRestoration />
      <Outlet />
    </>
  );
}
