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

export const myCoachingQueryOptions = queryOptions({
  queryKey: ['coaching', 'mine'],
  queryFn: ({ signal }) => apiRequest('/api/coaching/mine', { schema: myCoachingSchema, signal }),
});
export const useMyCoaching = () => useQuery(myCoachingQueryOptions);

export const coachListQueryOptions = queryOptions({
  queryKey: ['coaching', 'coaches'],
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
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['coaching'] }),
  });
}

export const coachProfileQueryOptions = queryOptions({
  queryKey: ['coaching', 'profile'],
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
  queryKey: ['coaching', 'matching'],
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
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['coaching'] }),
  });
}

export const supervisionQueryOptions = queryOptions({
  queryKey: ['coaching', 'supervision'],
  queryFn: ({ signal }) => apiRequest('/api/coaching/supervision', { schema: supervisionSchema, signal }),
});
export const useSupervision = () => useQuery(supervisionQueryOptions);
