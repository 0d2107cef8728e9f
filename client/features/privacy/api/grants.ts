import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { type createGrantSchema, grantListSchema, grantSchema } from '../../../../shared/contracts/consent.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { privacyKeys } from './privacy-keys.ts';

export const grantsQueryOptions = queryOptions({
  queryKey: privacyKeys.grants,
  queryFn: () => apiRequest('/api/me/grants', { schema: grantListSchema }),
});

export function useGrants() {
  return useQuery(grantsQueryOptions);
}

export function createGrant(input: z.output<typeof createGrantSchema>) {
  return apiRequest('/api/me/grants', { method: 'POST', body: input, schema: grantSchema });
}

export function revokeGrant(id: string) {
  return apiRequest(`/api/me/grants/${encodeURIComponent(id)}/revoke`, { method: 'POST', body: {}, schema: grantSchema });
}

export function useCreateGrant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createGrant,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: grantsQueryOptions.queryKey }),
  });
}

export function useRevokeGrant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeGrant,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: grantsQueryOptions.queryKey }),
  });
}
