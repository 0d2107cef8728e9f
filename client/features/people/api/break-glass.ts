import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { type breakGlassRequestSchema, breakGlassSchema } from '../../../../shared/contracts/consent.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { sharedProfileQueryOptions } from './person.ts';

export type BreakGlass = z.output<typeof breakGlassSchema>;

export const breakGlassLogQueryOptions = queryOptions({
  queryKey: ['admin', 'break-glass'],
  queryFn: () => apiRequest('/api/admin/break-glass', { schema: z.array(breakGlassSchema) }),
});

/** Every emergency access, newest first; only supervisors and admins may read it. */
export function useBreakGlassLog(enabled = true) {
  return useQuery({ ...breakGlassLogQueryOptions, enabled });
}

/** My emergency access to this person that is still open, if any (the server lets it run for one hour). */
export function openWindow(log: BreakGlass[] | undefined, actorId: string, subjectId: string, now = Date.now()): BreakGlass | null {
  return (
    log?.find((entry) => entry.actor.id === actorId && entry.subject.id === subjectId && new Date(entry.expiresAt).getTime() > now) ?? null
  );
}

export function openBreakGlass(input: z.output<typeof breakGlassRequestSchema>) {
  return apiRequest('/api/break-glass', { method: 'POST', body: input, schema: breakGlassSchema });
}

export function useOpenBreakGlass() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: openBreakGlass,
    onSuccess: async (opened) => {
      // Show the window at once, then read the profile again: it now answers through break-glass.
      queryClient.setQueryData(breakGlassLogQueryOptions.queryKey, (log) => [opened, ...(log ?? [])]);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: breakGlassLogQueryOptions.queryKey }),
        queryClient.invalidateQueries({ queryKey: sharedProfileQueryOptions(opened.subject.id).queryKey }),
      ]);
    },
  });
}
