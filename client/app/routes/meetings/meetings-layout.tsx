import { lazy, Suspense } from 'react';
import { AuthLayout } from '../../../components/layouts/auth-layout.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { paths } from '../../../lib/paths.ts';
import { useSessionData } from '../../../lib/session.ts';

// Only a signed-in visitor needs the app's shell (its menu, bell, messages count); a visitor without an
// account gets the light public frame and never downloads it.
const SignedInShell = lazy(() => import('../signed-in-shell.tsx').then((m) => ({ default: m.SignedInShell })));

/** The meeting directory is public: inside the app's shell when signed in, the public frame otherwise. */
export function MeetingsLayout() {
  const { user } = useSessionData();
  if (user) {
    return (
      <Suspense fallback={<Loading />}>
        <SignedInShell />
      </Suspense>
    );
  }
  return <AuthLayout homeHref={paths.home} />;
}
