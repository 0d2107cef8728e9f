import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { okSchema } from '../../../shared/contracts/common.ts';
import { type ownMeetingInputSchema, ownMeetingListSchema, ownMeetingSchema } from '../../../shared/contracts/own-meetings.ts';
import { apiRequest } from '../../lib/api-client.ts';

type Input = z.output<typeof ownMeetingInputSchema>;

const root = ['admin', 'own-meetings'] as const;

export const ownMeetingListQuery = (q: string, page: number) =>
  queryOptions({
    queryKey: [...root, 'list', q, page],
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ page: String(page) });
      if (q.trim() !== '') params.set('q', q.trim());
      return apiRequest(`/api/admin/meetings?${params}`, { schema: ownMeetingListSchema, signal });
    },
    // The list stays on screen while the next page or search loads.
    placeholderData: keepPreviousData,
  });

export const ownMeetingQuery = (id: string) =>
  queryOptions({
    queryKey: [...root, 'one', id],
    queryFn: ({ signal }) => apiRequest(`/api/admin/meetings/${encodeURIComponent(id)}`, { schema: ownMeetingSchema, signal }),
  });

export const useOwnMeetingList = (q: string, page: number) => useQuery(ownMeetingListQuery(q, page));
export const useOwnMeeting = (id: string | null) => useQuery({ ...ownMeetingQuery(id ?? ''), enabled: id !== null });

export function useSaveOwnMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: Input }) =>
      id === null
        ? apiRequest('/api/admin/meetings', { method: 'POST', body: input, schema: ownMeetingSchema })
        : apiRequest(`/api/admin/meetings/${encodeURIComponent(id)}`, { method: 'PUT', body: input, schema: ownMeetingSchema }),
    onSuccess: async (meeting) => {
      queryClient.setQueryData(ownMeetingQuery(meeting.id).queryKey, meeting);
      await queryClient.invalidateQueries({ queryKey: [...root, 'list'] });
    },
  });
}

export function useDeleteOwnMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(`/api/admin/meetings/${encodeURIComponent(id)}`, { method: 'DELETE', schema: okSchema }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: root });
    },
  });
}
