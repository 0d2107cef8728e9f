import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Clock, type CreateClock, clockListSchema, clockSchema, sharedClockListSchema } from '../../../../shared/contracts/clocks.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { personRecordKey, personRecordQuery } from '../../../lib/person-record.ts';

/** The query keys of clocks. */
export const clockKeys = { all: ['me', 'clocks'] as const };

export const clocksQueryOptions = queryOptions({
  queryKey: clockKeys.all,
  queryFn: ({ signal }) => apiRequest('/api/me/clocks', { schema: clockListSchema, signal }),
});

export function useClocks() {
  return useQuery(clocksQueryOptions);
}

function useReplaceClock() {
  const queryClient = useQueryClient();
  return (clock: Clock) =>
    queryClient.setQueryData(clocksQueryOptions.queryKey, (current) => {
      if (!current) return { clocks: [clock] };
      const exists = current.clocks.some((item) => item.id === clock.id);
      return { clocks: exists ? current.clocks.map((item) => (item.id === clock.id ? clock : item)) : [...current.clocks, clock] };
    });
}

export function useCreateClock() {
  const replace = useReplaceClock();
  return useMutation({
    mutationFn: (input: CreateClock) => apiRequest('/api/me/clocks', { method: 'POST', body: input, schema: clockSchema }),
    onSuccess: replace,
  });
}

/** Starts a new run now; the server keeps every earlier run and the totals. */
export function useStartNewRun() {
  const replace = useReplaceClock();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest(`/api/me/clocks/${encodeURIComponent(id)}/reset`, { method: 'POST', body: {}, schema: clockSchema }),
    onSuccess: replace,
  });
}

/** Another person's clocks, through their `clock` grant (each read is in their access log). */
export function useSharedClocks(personId: string) {
  return useQuery({
    queryKey: personRecordKey(personId, 'clock'),
    queryFn: ({ signal }) => apiRequest(`/api/people/${encodeURIComponent(personId)}/clocks`, { schema: sharedClockListSchema, signal }),
    ...personRecordQuery,
  });
}
