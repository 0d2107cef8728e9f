import { queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { meetingDetailSchema, meetingFacetsSchema, meetingListSchema } from '../../../../shared/contracts/meetings.ts';
import { apiRequest } from '../../../lib/api-client.ts';

const all = ['meetings'] as const;
/** The query keys of the public meeting directory. */
export const meetingKeys = {
  all,
  facets: [...all, 'facets'] as const,
  list: (search: string | null) => [...all, 'list', search] as const,
  detail: (id: string) => [...all, 'detail', id] as const,
};

/** Fellowships, languages and regions change only when a feed is imported: one read per visit is plenty. */
export const meetingFacetsQuery = queryOptions({
  queryKey: meetingKeys.facets,
  queryFn: ({ signal }) => apiRequest('/api/meetings/facets', { schema: meetingFacetsSchema, signal }),
  staleTime: 5 * 60_000,
});

export function useMeetingFacets() {
  return useQuery(meetingFacetsQuery);
}

/**
 * The finder's results, one server page at a time ("Show more" asks for the next by cursor), so a phone
 * never downloads the whole directory. `search` is the API query string built from the page's URL.
 */
export function useMeetingSearch(search: string | null) {
  return useInfiniteQuery({
    queryKey: meetingKeys.list(search),
    enabled: search !== null,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams(search ?? '');
      if (pageParam) params.set('cursor', pageParam);
      return apiRequest(`/api/meetings?${params}`, { schema: meetingListSchema, signal });
    },
    getNextPageParam: (last) => last.nextCursor,
    // "Starts in N minutes" ages: read again after a minute rather than showing stale countdowns.
    staleTime: 60_000,
  });
}

export function useMeeting(id: string) {
  return useQuery({
    queryKey: meetingKeys.detail(id),
    queryFn: ({ signal }) => apiRequest(`/api/meetings/${encodeURIComponent(id)}`, { schema: meetingDetailSchema, signal }),
    staleTime: 5 * 60_000,
  });
}

export const meetingCalendarHref = (id: string) => `/api/meetings/${encodeURIComponent(id)}/calendar.ics`;
