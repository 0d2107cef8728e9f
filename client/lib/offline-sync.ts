import type { QueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import type { Session } from '../../shared/contracts/auth.ts';
import { type FlushResult, flush, onBackgroundFlush, pending, queuedCount, subscribeQueue } from './offline-queue.ts';
import { refreshSession, sessionQueryKey } from './session.ts';

/** After queued writes reached the server, the screens showing them load again. */
async function refreshAfter(queryClient: QueryClient, result: FlushResult): Promise<void> {
  if (result.sent.length === 0 && result.dropped.length === 0) return;
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ['me', 'checkins'] }),
    queryClient.invalidateQueries({ queryKey: ['me', 'trends'] }),
  ]);
}

/** Sends what waits in the outbox for the person signed in now (nothing when nobody is, or the device is offline). */
export async function flushOutbox(queryClient: QueryClient): Promise<FlushResult | null> {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return null;
  const userId = queryClient.getQueryData<Session>(sessionQueryKey)?.user?.id;
  if (!userId) return null;
  const result = await flush(userId);
  await refreshAfter(queryClient, result);
  return result;
}

let started = false;

/**
 * Flushes the outbox on app start (as soon as the session says who is signed in), whenever the session loads again
 * (a sign-in after an expired session), and on the browser's `online` event; failures back off in offline-queue.ts.
 */
export function startOfflineSync(queryClient: QueryClient): void {
  if (started || typeof window === 'undefined') return;
  started = true;
  onBackgroundFlush((result) => void refreshAfter(queryClient, result));
  window.addEventListener('online', () => {
    // The app may have started offline, with no session: load it now (React Query's own reconnect refetch does not
    // fire when it never noticed being offline); its success triggers the flush below.
    if (queryClient.getQueryData<Session>(sessionQueryKey)) void flushOutbox(queryClient);
    else void refreshSession(queryClient).catch(() => undefined);
  });
  queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'success' || event.query.queryKey[0] !== sessionQueryKey[0]) return;
    if ((event.query.state.data as Session | undefined)?.user) void flushOutbox(queryClient);
  });
  void pending();
}

/** The number of writes waiting on this device to be sent, kept current as they are queued and sent. */
export function usePendingWrites(): number {
  useEffect(() => {
    void pending();
  }, []);
  return useSyncExternalStore(subscribeQueue, queuedCount, queuedCount);
}
