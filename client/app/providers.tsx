import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { I18nProvider } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../lib/api-client.ts';
import { startOfflineSync } from '../lib/offline-sync.ts';
import { installCsrfRefresher, refreshSession, sessionQueryKey } from '../lib/session.ts';

/** A signed-out or half-set-up session on any call means the session changed under us: reload it so the guards react. */
function onApiError(error: unknown, queryKey?: readonly unknown[]) {
  if (queryKey?.[0] === sessionQueryKey[0]) return;
  if (isApiError(error, 'UNAUTHENTICATED') || isApiError(error, 'MFA_REQUIRED') || isApiError(error, 'SETUP_REQUIRED')) {
    void refreshSession(queryClient);
  }
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (error, query) => onApiError(error, query.queryKey) }),
  mutationCache: new MutationCache({ onError: (error) => onApiError(error) }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // 4xx answers will not change on retry; network blips and 5xx get two more tries.
      retry: (failureCount, error) => {
        if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
        return failureCount < 2;
      },
    },
    mutations: { retry: false },
  },
});

installCsrfRefresher(queryClient);
// Check-ins made offline wait in IndexedDB; they are sent at start, when the session loads and when the network returns.
startOfflineSync(queryClient);

/** react-aria's own strings and date formats follow the language the person chose. */
function AriaLocale({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return <I18nProvider locale={i18n.language}>{children}</I18nProvider>;
}

export function Providers({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <AriaLocale>{children}</AriaLocale>
    </QueryClientProvider>
  );
}
