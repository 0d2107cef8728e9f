import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { type createInviteSchema, inviteSchema } from '../../../../shared/contracts/invites.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { adminKeys } from './admin-keys.ts';

export const adminInvitesQueryOptions = queryOptions({
  queryKey: adminKeys.invites,
  queryFn: () => apiRequest('/api/admin/invites', { schema: z.array(inviteSchema) }),
});

export function useAdminInvites() {
  return useQuery(adminInvitesQueryOptions);
}

export function createInvite(input: z.output<typeof createInviteSchema>) {
  return apiRequest('/api/admin/invites', { method: 'POST', body: input, schema: inviteSchema });
}

export function revokeInvite(id: string) {
  return apiRequest(`/api/admin/invites/${encodeURIComponent(id)}/revoke`, { method: 'POST', body: {} });
}

function useInviteMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: adminInvitesQueryOptions.queryKey });
      // A new invite usually leaves an email in the outbox.
      await queryClient.invalidateQueries({ queryKey: adminKeys.outbox });
    },
  });
}

export function useCreateInvite() {
  return useInviteMutation(createInvite);
}

export function useRevokeInvite() {
  return useInviteMutation(revokeInvite);
}
