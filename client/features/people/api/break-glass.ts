import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { type breakGlassRequestSchema, breakGlassSchema } from '../../../../shared/contracts/consent.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { personRecordRoot } from '../../../lib/person-record.ts';
import { peopleKeys } from './people-keys.ts';

export type BreakGlass = z.output<typeof breakGlassSchema>;

export const breakGlassLogQueryOptions = queryOptions({
  queryKey: peopleKeys.breakGlassLog,
  queryFn: () => apiRequest('/api/admin/break-glass', { schema: z.array(breakGlassSchema) }),
});

/** Every emergency access, newest first; only supervisors and admins may read it. */
export function useBreakGlassLog(enabled = true) {
  return useQuery({ ...breakGlassLogQueryOptions, enabled });
}

export function openBreakGlass(input: z.output<typeof breakGlassRequestSchema>) {
  return apiRequest('/api/break-glass', { method: 'POST', body: input, schema: breakGlassSchema });
}

export function useOpenBreakGlass() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: openBreakGlass,
    onSuccess: async (opened) => {
      // Read what is shared, and the profile, again: they now answer through break-glass, and say until when.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: breakGlassLogQueryOptions.queryKey }),
        queryClient.invalidateQueries({ queryKey: personRecordRoot(opened.subject.id) }),
      ]);
    },
  });
}
