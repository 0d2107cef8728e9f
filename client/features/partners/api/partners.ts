import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { checkinSummarySchema } from '../../../../shared/contracts/checkins.ts';
import { sharedClockListSchema } from '../../../../shared/contracts/clocks.ts';
import type { Scope } from '../../../../shared/contracts/consent.ts';
import {
  type invitePartnerSchema,
  nudgeResultSchema,
  partnershipListSchema,
  partnershipSchema,
} from '../../../../shared/contracts/partners.ts';
import { apiRequest } from '../../../lib/api-client.ts';

const all = ['partners'] as const;
/** The query keys of partners: the partnerships at the root, what each partner shares below it. */
export const partnerKeys = {
  all,
  sharedClocks: (personId: string) => [...all, 'shared', personId, 'clocks'] as const,
  sharedCheckins: (personId: string) => [...all, 'shared', personId, 'checkins'] as const,
};

export const partnershipsQueryOptions = queryOptions({
  queryKey: partnerKeys.all,
  queryFn: ({ signal }) => apiRequest('/api/partners', { schema: partnershipListSchema, signal }),
});

export function usePartnerships() {
  return useQuery(partnershipsQueryOptions);
}

function useRefreshing<T>(mutationFn: (input: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    // A partnership changing changes what each side may read: drop every cached shared read too.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: partnerKeys.all }),
  });
}

export function useInvitePartner() {
  return useRefreshing((input: z.output<typeof invitePartnerSchema>) =>
    apiRequest('/api/partners', { method: 'POST', body: input, schema: partnershipSchema }),
  );
}

export function useAcceptPartner() {
  return useRefreshing(({ id, scopes }: { id: string; scopes: Scope[] }) =>
    apiRequest(`/api/partners/${encodeURIComponent(id)}/accept`, { method: 'POST', body: { scopes }, schema: partnershipSchema }),
  );
}

function action(name: 'decline' | 'cancel' | 'end') {
  return (id: string) =>
    apiRequest(`/api/partners/${encodeURIComponent(id)}/${name}`, { method: 'POST', body: {}, schema: partnershipSchema });
}
export const useDeclinePartner = () => useRefreshing(action('decline'));
export const useCancelPartner = () => useRefreshing(action('cancel'));
export const useEndPartner = () => useRefreshing(action('end'));

export function useNudgePartner() {
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest(`/api/partners/${encodeURIComponent(id)}/nudge`, { method: 'POST', body: {}, schema: nudgeResultSchema }),
  });
}

/** What a partner shares with me, through the same shared-read endpoints (and consent checks) as anyone's. */
export function usePartnerClocks(personId: string, enabled: boolean) {
  return useQuery({
    queryKey: partnerKeys.sharedClocks(personId),
    queryFn: ({ signal }) => apiRequest(`/api/people/${encodeURIComponent(personId)}/clocks`, { schema: sharedClockListSchema, signal }),
    enabled,
    retry: false,
  });
}

export function usePartnerCheckinSummary(personId: string, enabled: boolean) {
  return useQuery({
    queryKey: partnerKeys.sharedCheckins(personId),
    queryFn: ({ signal }) =>
      apiRequest(`/api/people/${encodeURIComponent(personId)}/checkins/summary`, { schema: checkinSummarySchema, signal }),
    enabled,
    retry: false,
  });
}
