import { queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  attendanceEntrySchema,
  attendancePageSchema,
  calendarSubscriptionSchema,
  issuedCodeSchema,
  type LogAttendance,
  myMeetingStatusSchema,
  newCalendarSubscriptionSchema,
  savedMeetingListSchema,
  secretaryListSchema,
} from '../../../../shared/contracts/my-meetings.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { refreshShowing } from '../../../lib/shared-changes.ts';

const all = ['my-meetings'] as const;
/** The query keys of my meetings, under one root: any change refreshes them all. */
export const myMeetingKeys = {
  all,
  saved: [...all, 'saved'] as const,
  status: (meetingId: string) => [...all, 'status', meetingId] as const,
  attendance: [...all, 'attendance'] as const,
  calendar: [...all, 'calendar'] as const,
  secretaries: (meetingId: string) => [...all, 'secretaries', meetingId] as const,
};
const id = encodeURIComponent;

export const savedMeetingsQueryOptions = queryOptions({
  queryKey: myMeetingKeys.saved,
  queryFn: ({ signal }) => apiRequest('/api/me/meetings', { schema: savedMeetingListSchema, signal }),
});
export const useSavedMeetings = () => useQuery(savedMeetingsQueryOptions);

export function useMeetingStatus(meetingId: string, enabled: boolean) {
  return useQuery({
    queryKey: myMeetingKeys.status(meetingId),
    queryFn: ({ signal }) => apiRequest(`/api/me/meetings/${id(meetingId)}`, { schema: myMeetingStatusSchema, signal }),
    enabled,
  });
}

export function useAttendanceHistory() {
  return useInfiniteQuery({
    queryKey: myMeetingKeys.attendance,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      apiRequest(`/api/me/meeting-attendance${pageParam ? `?cursor=${id(pageParam)}` : ''}`, { schema: attendancePageSchema, signal }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Any change here can change every list of this feature (and plan progress): refresh them all. */
function useRefreshing<T, R>(mutationFn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: myMeetingKeys.all });
      await refreshShowing(queryClient, 'my-meetings');
    },
  });
}

export const useSaveMeeting = () =>
  useRefreshing(({ meetingId, saved }: { meetingId: string; saved: boolean }) =>
    apiRequest(`/api/me/meetings/${id(meetingId)}`, { method: saved ? 'PUT' : 'DELETE', body: {} }),
  );

export const useLogAttendance = () =>
  useRefreshing((input: LogAttendance) =>
    apiRequest('/api/me/meeting-attendance', { method: 'POST', body: input, schema: attendanceEntrySchema }),
  );

export const useDeleteAttendance = () =>
  useRefreshing((entryId: string) => apiRequest(`/api/me/meeting-attendance/${id(entryId)}`, { method: 'DELETE', body: {} }));

export const useIssueCode = () =>
  useMutation({
    mutationFn: (meetingId: string) =>
      apiRequest(`/api/meetings/${id(meetingId)}/attendance-code`, { method: 'POST', body: {}, schema: issuedCodeSchema }),
  });

export const calendarQueryOptions = queryOptions({
  queryKey: myMeetingKeys.calendar,
  queryFn: ({ signal }) => apiRequest('/api/me/meetings/calendar', { schema: calendarSubscriptionSchema, signal }),
});
export const useCalendarSubscription = () => useQuery(calendarQueryOptions);
export const useMakeCalendarAddress = () =>
  useRefreshing(() => apiRequest('/api/me/meetings/calendar', { method: 'POST', body: {}, schema: newCalendarSubscriptionSchema }));
export const useRevokeCalendarAddress = () => useRefreshing(() => apiRequest('/api/me/meetings/calendar', { method: 'DELETE', body: {} }));

export function useSecretaries(meetingId: string, enabled: boolean) {
  return useQuery({
    queryKey: myMeetingKeys.secretaries(meetingId),
    queryFn: ({ signal }) => apiRequest(`/api/meetings/${id(meetingId)}/secretaries`, { schema: secretaryListSchema, signal }),
    enabled,
  });
}

export const useSetSecretary = () =>
  useRefreshing(({ meetingId, personId, secretary }: { meetingId: string; personId: string; secretary: boolean }) =>
    apiRequest(`/api/meetings/${id(meetingId)}/secretaries/${id(personId)}`, { method: secretary ? 'PUT' : 'DELETE', body: {} }),
  );

export type AttendanceEntry = z.infer<typeof attendanceEntrySchema>;
