import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { auditEventSchema, outboxMessageSchema } from '../../../../shared/contracts/admin.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { adminKeys } from './admin-keys.ts';

export const outboxQueryOptions = queryOptions({
  queryKey: adminKeys.outbox,
  queryFn: () => apiRequest('/api/admin/outbox', { schema: z.array(outboxMessageSchema) }),
});

export const auditQueryOptions = queryOptions({
  queryKey: adminKeys.audit,
  queryFn: () => apiRequest('/api/admin/audit', { schema: z.array(auditEventSchema) }),
});

export function useOutbox() {
  return useQuery(outboxQueryOptions);
}

export function useAuditLog() {
  return useQuery(auditQueryOptions);
}
