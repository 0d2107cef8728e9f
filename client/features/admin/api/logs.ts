import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { type AuditQuery, auditPageSchema, outboxMessageSchema } from '../../../../shared/contracts/admin.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { adminKeys } from './admin-keys.ts';

export const outboxQueryOptions = queryOptions({
  queryKey: adminKeys.outbox,
  queryFn: () => apiRequest('/api/admin/outbox', { schema: z.array(outboxMessageSchema) }),
});

export type AuditFilter = Omit<AuditQuery, 'before'>;

/** The audit log a page at a time, newest first, filtered on the server. */
export const auditQueryOptions = (filter: AuditFilter) =>
  infiniteQueryOptions({
    queryKey: [...adminKeys.audit, filter],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
      if (pageParam) params.set('before', pageParam);
      const query = params.toString();
      return apiRequest(`/api/admin/audit${query ? `?${query}` : ''}`, { schema: auditPageSchema, signal });
    },
    getNextPageParam: (page) => page.next,
  });

export function useOutbox() {
  return useQuery(outboxQueryOptions);
}

export function useAuditLog(filter: AuditFilter) {
  return useInfiniteQuery(auditQueryOptions(filter));
}
