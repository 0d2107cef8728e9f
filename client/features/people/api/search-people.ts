import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { personCardSchema } from '../../../../shared/contracts/people.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { peopleKeys } from './people-keys.ts';

const personListSchema = z.array(personCardSchema);

export function searchPeople(q: string, signal?: AbortSignal) {
  return apiRequest(`/api/people?q=${encodeURIComponent(q)}`, { schema: personListSchema, signal });
}

export function peopleSearchQueryOptions(q: string) {
  return queryOptions({
    queryKey: peopleKeys.search(q),
    queryFn: ({ signal }) => searchPeople(q, signal),
    staleTime: 30_000,
  });
}

export function usePeopleSearch(q: string) {
  const query = q.trim().slice(0, 40);
  return useQuery({ ...peopleSearchQueryOptions(query), enabled: query.length > 0, placeholderData: keepPreviousData });
}
