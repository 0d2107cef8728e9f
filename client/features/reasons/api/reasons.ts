import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { reasonsSchema } from '../../../../shared/contracts/reasons.ts';
import { apiRequest } from '../../../lib/api-client.ts';

/** The query keys of my reasons. */
export const reasonKeys = { all: ['me', 'reasons'] as const };

export const reasonsQueryOptions = queryOptions({
  queryKey: reasonKeys.all,
  queryFn: ({ signal }) => apiRequest('/api/me/reasons', { schema: reasonsSchema, signal }),
});

export function useReasons() {
  return useQuery(reasonsQueryOptions);
}

/** The whole ordered list replaces what was stored. */
export function useSaveReasons() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reasons: string[]) => apiRequest('/api/me/reasons', { method: 'PUT', body: { reasons }, schema: reasonsSchema }),
    onSuccess: (saved) => queryClient.setQueryData(reasonsQueryOptions.queryKey, saved),
  });
}
