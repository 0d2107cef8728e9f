import { queryOptions, useQuery } from '@tanstack/react-query';
import { personCardSchema, sharedProfileSchema } from '../../../../shared/contracts/people.ts';
import { apiRequest, isApiError } from '../../../lib/api-client.ts';
import { personRecordKey } from '../../../lib/person-record.ts';
import { peopleKeys } from './people-keys.ts';

const personPath = (id: string) => `/api/people/${encodeURIComponent(id)}`;

export function getPersonCard(id: string, signal?: AbortSignal) {
  return apiRequest(personPath(id), { schema: personCardSchema, signal });
}

export function personCardQueryOptions(id: string) {
  return queryOptions({ queryKey: peopleKeys.card(id), queryFn: ({ signal }) => getPersonCard(id, signal) });
}

export function usePersonCard(id: string) {
  return useQuery(personCardQueryOptions(id));
}

/** The person's private profile, or null when they share nothing with me (the server answers 404 then). */
export async function getSharedProfile(id: string, signal?: AbortSignal) {
  try {
    return await apiRequest(`${personPath(id)}/profile`, { schema: sharedProfileSchema, signal });
  } catch (error) {
    if (isApiError(error, 'NOT_FOUND')) return null;
    throw error;
  }
}

export function sharedProfileQueryOptions(id: string) {
  return queryOptions({
    queryKey: personRecordKey(id, 'profile'),
    queryFn: ({ signal }) => getSharedProfile(id, signal),
    // Every successful read lands in the person's access log: read when the page opens, not on every tab focus.
    staleTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

export function useSharedProfile(id: string, enabled = true) {
  return useQuery({ ...sharedProfileQueryOptions(id), enabled });
}
