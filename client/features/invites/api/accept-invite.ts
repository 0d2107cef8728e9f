import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { meSchema } from '../../../../shared/contracts/auth.ts';
import { type acceptInviteSchema, invitePreviewSchema } from '../../../../shared/contracts/invites.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { resetForNewPerson } from '../../../lib/session.ts';

const all = ['invites'] as const;
/** The query keys of invitations (the page a link opens). */
export const inviteKeys = { all, preview: (token: string) => [...all, 'preview', token] as const };

export function previewInvite(token: string) {
  return apiRequest('/api/invites/preview', { method: 'POST', body: { token }, schema: invitePreviewSchema });
}

export function invitePreviewQueryOptions(token: string) {
  return queryOptions({
    queryKey: inviteKeys.preview(token),
    queryFn: () => previewInvite(token),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useInvitePreview(token: string | null) {
  return useQuery({ ...invitePreviewQueryOptions(token ?? ''), enabled: !!token });
}

export function acceptInvite(input: z.output<typeof acceptInviteSchema>) {
  return apiRequest('/api/invites/accept', { method: 'POST', body: input, schema: meSchema });
}

export function useAcceptInvite() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: acceptInvite, onSuccess: () => resetForNewPerson(queryClient) });
}
