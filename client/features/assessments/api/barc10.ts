import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { barc10HistorySchema, barc10ResultSchema, sharedBarc10HistorySchema } from '../../../../shared/contracts/assessments.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { personRecordKey, personRecordQuery } from '../../../lib/person-record.ts';

/** The query keys of assessments. */
export const assessmentKeys = { barc10: ['me', 'assessments', 'barc10'] as const };

export const barc10HistoryQueryOptions = queryOptions({
  queryKey: assessmentKeys.barc10,
  queryFn: () => apiRequest('/api/me/assessments/barc10', { schema: barc10HistorySchema }),
});

export function useBarc10History() {
  return useQuery(barc10HistoryQueryOptions);
}

export function takeBarc10(answers: number[]) {
  return apiRequest('/api/me/assessments/barc10', { method: 'POST', body: { answers }, schema: barc10ResultSchema });
}

export function useTakeBarc10() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: takeBarc10,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: barc10HistoryQueryOptions.queryKey }),
  });
}

/** Another person's BARC-10 results, through their `assessments` grant (logged). */
export function useSharedBarc10History(personId: string) {
  return useQuery({
    queryKey: personRecordKey(personId, 'assessments'),
    queryFn: ({ signal }) =>
      apiRequest(`/api/people/${encodeURIComponent(personId)}/assessments/barc10`, { schema: sharedBarc10HistorySchema, signal }),
    ...personRecordQuery,
  });
}
