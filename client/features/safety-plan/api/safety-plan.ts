import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  type SafetyPlan,
  safetyPlanSchema,
  type saveSafetyPlanSchema,
  sharedSafetyPlanSchema,
} from '../../../../shared/contracts/safety-plan.ts';
import { apiRequest, isApiError } from '../../../lib/api-client.ts';
import { offlineGet, offlineSet } from '../../../lib/offline-store.ts';
import { personRecordKey, personRecordQuery } from '../../../lib/person-record.ts';

/** The IndexedDB key of the last loaded plan; sign-out clears the whole offline store. */
const OFFLINE_KEY = 'safety-plan';

/** What this device keeps so the plan opens without a network: whose it is, and when it was loaded. */
export type OfflineSafetyPlan = { userId: string; storedAt: string; plan: SafetyPlan };

export async function readOfflineSafetyPlan(): Promise<OfflineSafetyPlan | null> {
  const stored = await offlineGet<OfflineSafetyPlan>(OFFLINE_KEY);
  const parsed = stored ? safetyPlanSchema.safeParse(stored.plan) : null;
  return stored && parsed?.success ? { ...stored, plan: parsed.data } : null;
}

function keepOffline(userId: string, plan: SafetyPlan) {
  void offlineSet(OFFLINE_KEY, { userId, storedAt: new Date().toISOString(), plan } satisfies OfflineSafetyPlan);
}

export const safetyPlanQueryKey = ['me', 'safety-plan'] as const;

function safetyPlanQueryOptions(userId: string) {
  return queryOptions({
    queryKey: safetyPlanQueryKey,
    queryFn: async () => {
      const plan = await apiRequest('/api/me/safety-plan', { schema: safetyPlanSchema });
      keepOffline(userId, plan);
      return plan;
    },
    // Ask even when the browser says it is offline, so the page falls back to the saved copy at once.
    networkMode: 'always',
    retry: (count, error) => !(isApiError(error) && error.status > 0) && count < 1 && navigator.onLine,
  });
}

const offlineQueryKey = ['offline', 'safety-plan'] as const;

/**
 * The plan from the server, and the copy last saved on this device for when the server cannot be reached.
 * A copy that belongs to someone else (a shared device where nobody signed out) is never shown.
 */
export function useSafetyPlan(userId: string) {
  const plan = useQuery(safetyPlanQueryOptions(userId));
  const offline = useQuery({ queryKey: offlineQueryKey, queryFn: readOfflineSafetyPlan, networkMode: 'always', staleTime: 0 });
  const stored = offline.data && offline.data.userId === userId ? offline.data : null;
  return { plan, stored, offlineLoading: offline.isPending };
}

export function saveSafetyPlan(input: z.output<typeof saveSafetyPlanSchema>) {
  return apiRequest('/api/me/safety-plan', { method: 'PUT', body: input, schema: safetyPlanSchema });
}

export function useSaveSafetyPlan(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveSafetyPlan,
    onSuccess: (plan) => {
      queryClient.setQueryData(safetyPlanQueryKey, plan);
      keepOffline(userId, plan);
    },
  });
}

/** Another person's safety plan, through their `safety_plan` grant (logged). Never kept offline: it is not mine. */
export function useSharedSafetyPlan(personId: string) {
  return useQuery({
    queryKey: personRecordKey(personId, 'safety_plan'),
    queryFn: ({ signal }) =>
      apiRequest(`/api/people/${encodeURIComponent(personId)}/safety-plan`, { schema: sharedSafetyPlanSchema, signal }),
    ...personRecordQuery,
  });
}
