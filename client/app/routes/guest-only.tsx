import { Navigate, Outlet, useLocation } from 'react-router';
import { paths, type SignInState } from '../../lib/paths.ts';
import { useSessionData } from '../../lib/session.ts';

function isSignInState(state: unknown): state is NonNullable<SignInState> {
  return typeof state === 'object' && state !== null && 'from' in state && typeof state.from === 'string';
}

/** Sign-in and sign-up make no sense once signed in: go where the person was heading, or home. */
export function GuestOnly() {
  const { user } = useSessionData();
  const location = useLocation();
  if (user) {
    const from = isSignInState(location.state) ? location.state.from : undefined;
    // Only same-app paths: never bounce to another origin.
    const target = from?.startsWith('/') && !from.startsWith('//') ? from : paths.home;
    return <Navigate to={target} replace />;
  }
  return <Outlet />;
}
