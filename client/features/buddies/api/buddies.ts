import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  buddyOverviewSchema,
  type CreateBuddyRequest,
  meetingOccurrencesSchema,
  openBuddyRequestListSchema,
} from '../../../../shared/contracts/buddies.ts';
import { apiRequest } from '../../../lib/api-client.ts';

const all = ['buddies'] as const;
/** The query keys of first-meeting buddies, under one root: any change refreshes them all. */
export const buddyKeys = {
  all,
  mine: [...all, 'mine'] as const,
  open: [...all, 'open'] as const,
  occurrences: (meetingId: string) => [...all, 'occurrences', meetingId] as const,
};

export function useBuddyOverview(enabled = true) {
  return useQuery({
    queryKey: buddyKeys.mine,
    enabled,
    queryFn: ({ signal }) => apiRequest('/api/buddies', { schema: buddyOverviewSchema, signal }),
  });
}

export function useOpenBuddyRequests(enabled: boolean) {
  return useQuery({
    queryKey: buddyKeys.open,
    enabled,
    queryFn: ({ signal }) => apiRequest('/api/buddies/requests/open', { schema: openBuddyRequestListSchema, signal }),
  });
}

export function useMeetingOccurrences(meetingId: string, enabled: boolean) {
  return useQuery({
    queryKey: buddyKeys.occurrences(meetingId),
    enabled,
    queryFn: ({ signal }) =>
      apiRequest(`/api/buddies/meetings/${encodeURIComponent(meetingId)}/occurrences`, { schema: meetingOccurrencesSchema, signal }),
  });
}

function useBuddyMutation<T, R>(mutationFn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSettled: () => queryClient.invalidateQueries({ queryKey: buddyKeys.all }) });
}

export const useVolunteer = () =>
  useBuddyMutation((about: string) =>
    apiRequest('/api/buddies/volunteer', { method: 'PUT', body: { about }, schema: buddyOverviewSchema }),
  );
export const useStopVolunteering = () =>
  useBuddyMutation(() => apiRequest('/api/buddies/volunteer', { method: 'DELETE', schema: buddyOverviewSchema }));
export const useAskForBuddy = () =>
  useBuddyMutation((input: CreateBuddyRequest) =>
    apiRequest('/api/buddies/requests', { method: 'POST', body: input, schema: buddyOverviewSchema }),
  );
export const useAcceptBuddyRequest = () =>
  useBuddyMutation((id: string) =>
    apiRequest(`/api/buddies/requests/${encodeURIComponent(id)}/accept`, { method: 'POST', body: {}, schema: buddyOverviewSchema }),
  );
export const useCancelBuddyRequest = () =>
  useBuddyMutation((id: string) =>
    apiRequest(`/api/buddies/requests/${encodeURIComponent(id)}/cancel`, { method: 'POST', body: {}, schema: buddyOverviewSchema }),
  );
