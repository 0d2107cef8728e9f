import { queryOptions, useQuery } from '@tanstack/react-query';
import { todaySchema } from '../../../../shared/contracts/today.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export const todayKeys = { all: ['today'] as const };

/** The home page's "today": one request; fresh again when the person comes back to the app. */
export const todayQueryOptions = queryOptions({
  queryKey: todayKeys.all,
  queryFn: ({ signal }) => apiRequest('/api/me/today', { schema: todaySchema, signal }),
  refetchInterval: 60_000,
  refetchOnWindowFocus: 'always',
});

export function useToday() {
  return useQuery(todayQueryOptions);
}
