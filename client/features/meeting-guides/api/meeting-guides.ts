import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type GuideLanguage,
  type MeetingGuideInput,
  meetingGuideListSchema,
  meetingGuideMatchSchema,
  meetingGuideSchema,
} from '../../../../shared/contracts/meeting-guides.ts';
import { apiRequest } from '../../../lib/api-client.ts';

const all = ['meeting-guides'] as const;
/** The query keys of "what to expect" guides, under one root: an edit refreshes them all. */
export const guideKeys = {
  all,
  forMeeting: (meetingId: string, language: GuideLanguage) => [...all, 'for', meetingId, language] as const,
  admin: [...all, 'admin'] as const,
};

export function useMeetingGuide(meetingId: string, language: GuideLanguage) {
  return useQuery({
    queryKey: guideKeys.forMeeting(meetingId, language),
    queryFn: ({ signal }) =>
      apiRequest(`/api/meetings/${encodeURIComponent(meetingId)}/guide?language=${language}`, { schema: meetingGuideMatchSchema, signal }),
    staleTime: 5 * 60_000,
  });
}

export function useAdminGuides() {
  return useQuery({
    queryKey: guideKeys.admin,
    queryFn: ({ signal }) => apiRequest('/api/admin/meeting-guides', { schema: meetingGuideListSchema, signal }),
  });
}

function useGuideMutation<T, R>(mutationFn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSettled: () => queryClient.invalidateQueries({ queryKey: guideKeys.all }) });
}

export const useSaveGuide = () =>
  useGuideMutation(({ id, input }: { id: string | null; input: MeetingGuideInput }) =>
    id
      ? apiRequest(`/api/admin/meeting-guides/${encodeURIComponent(id)}`, { method: 'PUT', body: input, schema: meetingGuideSchema })
      : apiRequest('/api/admin/meeting-guides', { method: 'POST', body: input, schema: meetingGuideSchema }),
  );
export const useDeleteGuide = () =>
  useGuideMutation((id: string) => apiRequest(`/api/admin/meeting-guides/${encodeURIComponent(id)}`, { method: 'DELETE' }));
