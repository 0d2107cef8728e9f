import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { accessLogPageSchema } from '../../../../shared/contracts/consent.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { privacyKeys } from './privacy-keys.ts';

export function getAccessLog(before: number | null) {
  const query = before === null ? '' : `?before=${before}`;
  return apiRequest(`/api/me/access-log${query}`, { schema: accessLogPageSchema });
}

export const accessLogQueryOptions = infiniteQueryOptions({
  queryKey: privacyKeys.accessLog,
  queryFn: ({ pageParam }) => getAccessLog(pageParam),
  initialPageParam: null as number | null,
  getNextPageParam: (lastPage) => lastPage.nextBefore,
});

export function useAccessLog() {
  return useInfiniteQuery(accessLogQueryOptions);
}
