import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { type createGrantSchema, grantListSchema, grantSchema, sharedWithMeSchema } from '../../../../shared/contracts/consent.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { sharedWithMeKey } from '../../../lib/person-record.ts';
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

/**
 * How often an open person view asks again what is shared: a revoked grant empties its sections within
 * this time even if the viewer never touches the page (the record's own endpoints refuse at once).
 */
export const SHARED_WITH_ME_REFRESH_MS = 10_000;

/** What one person shares with me now (not a read of their record, so not in their access log). */
export function useSharedWithMe(personId: string) {
  return useQuery({
    queryKey: sharedWithMeKey(personId),
    queryFn: ({ signal }) =>
      apiRequest(`/api/people/${encodeURIComponent(personId)}/shared-with-me`, { schema: sharedWithMeSchema, signal }),
    refetchInterval: SHARED_WITH_ME_REFRESH_MS,
    refetchOnWindowFocus: 'always',
  });
}
