import { type QueryClient, queryOptions, useQuery } from '@tanstack/react-query';
import { type Me, type Session, sessionSchema } from '../../shared/contracts/auth.ts';
import type { Role } from '../../shared/contracts/roles.ts';
import { apiRequest, setCsrfRefresher, setCsrfToken } from './api-client.ts';
import { clear as clearOutbox } from './offline-queue.ts';
import { claimOffline, clearOffline } from './offline-store.ts';

export const sessionQueryKey = ['session'] as const;

export async function getSession(): Promise<Session> {
  const session = await apiRequest('/api/session', { schema: sessionSchema });
  setCsrfToken(session.csrfToken);
  return session;
}

export const sessionQueryOptions = queryOptions({
  queryKey: sessionQueryKey,
  queryFn: getSession,
  staleTime: 5 * 60_000,
  refetchOnWindowFocus: true,
});

export function useSession() {
  return useQuery(sessionQueryOptions);
}

/** Must run after any sign-in, sign-up, setup, invite acceptance, MFA step or sign-out: the CSRF token changes. */
export async function refreshSession(queryClient: QueryClient): Promise<Session> {
  return queryClient.fetchQuery({ ...sessionQueryOptions, staleTime: 0 });
}

let deliberateSignOut = false;
let accountDeleted = false;

/** True after the person pressed "Sign out" (until someone signs in again), as opposed to a session that expired. */
export function signedOutOnPurpose(): boolean {
  return deliberateSignOut;
}

/** Drops everything cached about the previous person, then reloads the session. */
export async function resetForNewPerson(queryClient: QueryClient): Promise<Session> {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
  const session = await refreshSession(queryClient);
  if (session.user) {
    deliberateSignOut = false;
    accountDeleted = false;
    // Someone else's offline copy (their session ran out instead of being signed out) is wiped before anything shows.
    await claimOffline(session.user.id);
  }
  return session;
}

export function installCsrfRefresher(queryClient: QueryClient): void {
  setCsrfRefresher(async () => (await refreshSession(queryClient)).csrfToken);
}

export function hasAnyRole(user: Pick<Me, 'roles'> | null | undefined, roles: readonly Role[] | undefined): boolean {
  if (!roles || roles.length === 0) return true;
  return !!user && user.roles.some((role) => roles.includes(role));
}

export async function signOut(queryClient: QueryClient): Promise<void> {
  deliberateSignOut = true;
  try {
    await apiRequest('/api/auth/sign-out', { method: 'POST', body: {} });
  } finally {
    // What this device kept for offline use (the safety plan, check-ins not sent yet) leaves with the person, even if the server was unreachable.
    await clearOffline();
    await clearOutbox();
    await resetForNewPerson(queryClient);
  }
}

/** After the person deleted their account: like a sign-out (local data cleared), without asking the server again. */
export async function forgetDeletedPerson(queryClient: QueryClient): Promise<void> {
  deliberateSignOut = true;
  accountDeleted = true;
  try {
    await Promise.all([clearOffline(), clearOutbox()]);
  } finally {
    await resetForNewPerson(queryClient);
  }
}

/** True on the sign-in page right after an account deletion, so it can say goodbye kindly. Cleared by the next sign-in. */
export function accountJustDeleted(): boolean {
  return accountDeleted;
}

/** For screens below the root gate, which renders nothing until the session has loaded. */
export function useSessionData(): Session {
  const { data } = useSession();
  if (!data) throw new Error('The session is read before it has loaded');
  return data;
}
