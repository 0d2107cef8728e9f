import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  approveResultSchema,
  coachCardListSchema,
  matchingBoardSchema,
  myCoachingSchema,
  ownCoachProfileSchema,
  type PutCoachProfile,
  type RelationshipAction,
  relationshipSchema,
  suggestionSchema,
  supervisionSchema,
} from '../../../../shared/contracts/coaching.ts';
import type { CoachingPreferences } from '../../../../shared/contracts/coaching-base.ts';
import type { Scope } from '../../../../shared/contracts/consent.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { refreshShowing } from '../../../lib/shared-changes.ts';

const all = ['coaching'] as const;
/** The query keys of coaching, under one root. */
export const coachingKeys = {
  all,
  mine: [...all, 'mine'] as const,
  coaches: [...all, 'coaches'] as const,
  profile: [...all, 'profile'] as const,
  matching: [...all, 'matching'] as const,
  supervision: [...all, 'supervision'] as const,
};
/** Every query here shows relationships, matches and seats: a change to them (here or a signed-off note) reads it again. */
const meta = { shows: ['coaching'] } as const;

export const myCoachingQueryOptions = queryOptions({
  queryKey: coachingKeys.mine,
  meta,
  queryFn: ({ signal }) => apiRequest('/api/coaching/mine', { schema: myCoachingSchema, signal }),
});
export const useMyCoaching = () => useQuery(myCoachingQueryOptions);

export const coachListQueryOptions = queryOptions({
  queryKey: coachingKeys.coaches,
  meta,
  queryFn: ({ signal }) => apiRequest('/api/coaching/coaches', { schema: coachCardListSchema, signal }),
});
export const useCoachList = () => useQuery(coachListQueryOptions);

export function useAskForCoach() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { preferences: CoachingPreferences; requestedCoachId: string | null; intakeNote: string | null }) =>
      apiRequest('/api/coaching/requests', { method: 'POST', body: input, schema: myCoachingSchema }),
    onSuccess: (data) => queryClient.setQueryData(myCoachingQueryOptions.queryKey, data),
  });
}

export type ActionBody = { reason?: string; scopes?: Scope[]; coachId?: string };

/** Any change of a relationship's status: withdraw, accept, decline, pause, resume, close, transfer. */
export function useRelationshipAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, body }: { id: string; action: RelationshipAction; body: ActionBody }) =>
      apiRequest(`/api/coaching/relationships/${encodeURIComponent(id)}/${action}`, {
        method: 'POST',
        body,
        schema: relationshipSchema,
      }),
    onSuccess: () => refreshShowing(queryClient, 'coaching'),
  });
}

export const coachProfileQueryOptions = queryOptions({
  queryKey: coachingKeys.profile,
  meta,
  queryFn: ({ signal }) => apiRequest('/api/coaching/profile', { schema: ownCoachProfileSchema, signal }),
});
export const useCoachProfile = () => useQuery(coachProfileQueryOptions);

export function useSaveCoachProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PutCoachProfile) =>
      apiRequest('/api/coaching/profile', { method: 'PUT', body: input, schema: ownCoachProfileSchema }),
    onSuccess: (data) => queryClient.setQueryData(coachProfileQueryOptions.queryKey, data),
  });
}

export const matchingBoardQueryOptions = queryOptions({
  queryKey: coachingKeys.matching,
  meta,
  queryFn: ({ signal }) => apiRequest('/api/coaching/matching', { schema: matchingBoardSchema, signal }),
});
export const useMatchingBoard = () => useQuery(matchingBoardQueryOptions);

export function useSuggestMatches() {
  return useMutation({
    mutationFn: () => apiRequest('/api/coaching/matching/suggest', { method: 'POST', body: {}, schema: suggestionSchema }),
  });
}

export function useApproveMatches() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (pairs: { requestId: string; coachId: string }[]) =>
      apiRequest('/api/coaching/matching/approve', { method: 'POST', body: { pairs }, schema: approveResultSchema }),
    onSuccess: () => refreshShowing(queryClient, 'coaching'),
  });
}

export const supervisionQueryOptions = queryOptions({
  queryKey: coachingKeys.supervision,
  meta,
  queryFn: ({ signal }) => apiRequest('/api/coaching/supervision', { schema: supervisionSchema, signal }),
});
export const useSupervision = () => useQuery(supervisionQueryOptions);
