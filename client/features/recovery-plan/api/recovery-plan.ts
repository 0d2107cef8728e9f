import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { planSchema, type savePlanSchema, sharedPlanSchema, versionHistorySchema } from '../../../../shared/contracts/plans.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { personRecordKey, personRecordQuery } from '../../../lib/person-record.ts';

const all = ['me', 'plan'] as const;
/** The query keys of the recovery plan: the current plan at the root, its history below it. */
export const recoveryPlanKeys = {
  current: all,
  versions: [...all, 'versions'] as const,
  version: (version: number | null) => [...all, 'version', version] as const,
};

export const recoveryPlanQueryOptions = queryOptions({
  queryKey: recoveryPlanKeys.current,
  // This week's meetings towards a meeting goal come with the plan.
  meta: { shows: ['my-meetings'] },
  queryFn: () => apiRequest('/api/me/plan', { schema: planSchema }),
});

export function useRecoveryPlan() {
  return useQuery(recoveryPlanQueryOptions);
}

export const planHistoryQueryOptions = infiniteQueryOptions({
  queryKey: recoveryPlanKeys.versions,
  queryFn: ({ pageParam }) =>
    apiRequest(pageParam ? `/api/me/plan/versions?before=${pageParam}` : '/api/me/plan/versions', { schema: versionHistorySchema }),
  initialPageParam: 0,
  getNextPageParam: (last) => last.nextBefore ?? undefined,
});

export function usePlanHistory() {
  return useInfiniteQuery(planHistoryQueryOptions);
}

/** An old version never changes, so it is fetched once. */
export function usePlanVersion(version: number | null) {
  return useQuery({
    queryKey: recoveryPlanKeys.version(version),
    queryFn: () => apiRequest(`/api/me/plan/versions/${version}`, { schema: planSchema }),
    enabled: version !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function saveRecoveryPlan(input: z.output<typeof savePlanSchema>) {
  return apiRequest('/api/me/plan', { method: 'PUT', body: input, schema: planSchema });
}

export function useSaveRecoveryPlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveRecoveryPlan,
    onSuccess: async (plan) => {
      queryClient.setQueryData(recoveryPlanQueryOptions.queryKey, plan);
      await queryClient.invalidateQueries({ queryKey: planHistoryQueryOptions.queryKey });
    },
  });
}

/** Another person's current recovery plan, through their `plan` grant (logged). */
export function useSharedPlan(personId: string) {
  return useQuery({
    queryKey: personRecordKey(personId, 'plan'),
    queryFn: ({ signal }) => apiRequest(`/api/people/${encodeURIComponent(personId)}/plan`, { schema: sharedPlanSchema, signal }),
    ...personRecordQuery,
  });
}
