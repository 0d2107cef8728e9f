import { queryOptions, useQuery } from '@tanstack/react-query';
import { caseloadSchema, riskRulesSchema } from '../../../../shared/contracts/caseload.ts';
import { apiRequest } from '../../../lib/api-client.ts';

const all = ['caseload'] as const;
/** The query keys of the caseload: the list itself at the root, and the risk rules it explains. */
export const caseloadKeys = { all, rules: [...all, 'rules'] as const };

/** How often the open dashboard asks again: a revoked grant disappears from the screen within this. */
export const CASELOAD_REFRESH_MS = 30_000;

export const caseloadQueryOptions = queryOptions({
  queryKey: caseloadKeys.all,
  queryFn: ({ signal }) => apiRequest('/api/caseload', { schema: caseloadSchema, signal }),
  refetchInterval: CASELOAD_REFRESH_MS,
  // Keep asking while the tab is in the background too: the screen must never show what was revoked.
  refetchIntervalInBackground: true,
  refetchOnWindowFocus: 'always',
  staleTime: 0,
});

export function useCaseload() {
  return useQuery(caseloadQueryOptions);
}

export const riskRulesQueryOptions = queryOptions({
  queryKey: caseloadKeys.rules,
  queryFn: ({ signal }) => apiRequest('/api/caseload/rules', { schema: riskRulesSchema, signal }),
  staleTime: Number.POSITIVE_INFINITY,
});

export function useRiskRules() {
  return useQuery(riskRulesQueryOptions);
}
