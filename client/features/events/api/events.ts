import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  attendeeListSchema,
  type createEventSchema,
  eventPageSchema,
  eventSchema,
  myRsvpSchema,
} from '../../../../shared/contracts/events.ts';
import { apiRequest } from '../../../lib/api-client.ts';

const all = ['events'] as const;
/** The query keys of events, under one root: any change refreshes them all. */
export const eventKeys = {
  all,
  list: (cursor: string | null) => [...all, 'list', cursor] as const,
  one: (id: string) => [...all, 'one', id] as const,
  attendees: (id: string) => [...all, 'attendees', id] as const,
};

const eventUrl = (id: string) => `/api/events/${encodeURIComponent(id)}`;
export const eventCalendarHref = (id: string) => `${eventUrl(id)}/calendar.ics`;

export const upcomingEventsQueryOptions = (cursor: string | null) =>
  queryOptions({
    queryKey: eventKeys.list(cursor),
    queryFn: ({ signal }) =>
      apiRequest(`/api/events${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`, { schema: eventPageSchema, signal }),
  });

export function useUpcomingEvents(cursor: string | null) {
  return useQuery(upcomingEventsQueryOptions(cursor));
}

export function useEvent(id: string) {
  return useQuery({
    queryKey: eventKeys.one(id),
    queryFn: ({ signal }) => apiRequest(eventUrl(id), { schema: eventSchema, signal }),
    retry: false,
  });
}

export function useAttendees(id: string, enabled: boolean) {
  return useQuery({
    queryKey: eventKeys.attendees(id),
    queryFn: ({ signal }) => apiRequest(`${eventUrl(id)}/attendees`, { schema: attendeeListSchema, signal }),
    enabled,
  });
}

/** Any change to an event or an answer changes places left on every list: refresh them all. */
function useEventMutation<T, R>(mutationFn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: eventKeys.all }) });
}

type EventInput = z.output<typeof createEventSchema>;

export const useCreateEvent = () =>
  useEventMutation((input: EventInput) => apiRequest('/api/events', { method: 'POST', body: input, schema: eventSchema }));

export const useUpdateEvent = (id: string) =>
  useEventMutation((input: EventInput) => apiRequest(eventUrl(id), { method: 'PUT', body: input, schema: eventSchema }));

export const useCancelEvent = (id: string) =>
  useEventMutation((note: string) => apiRequest(`${eventUrl(id)}/cancel`, { method: 'POST', body: { note }, schema: eventSchema }));

export const useAnswer = (id: string) =>
  useEventMutation((going: boolean) =>
    apiRequest(`${eventUrl(id)}/rsvp`, { method: going ? 'PUT' : 'DELETE', body: {}, schema: myRsvpSchema }),
  );
