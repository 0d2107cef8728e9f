import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { sosRecipientsSchema, sosResultSchema } from '../../../../shared/contracts/sos.ts';
import { apiRequest } from '../../../lib/api-client.ts';

/** Presses SOS: the server alerts everyone the member chose and answers with how many, and the crisis lines. */
export function usePressSos() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest('/api/sos', { method: 'POST', body: {}, schema: sosResultSchema }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sosRecipientsKey }),
  });
}

const sosRecipientsKey = ['me', 'sos', 'recipients'] as const;

/** How many people a press would alert now, read when the confirmation opens so it tells the truth. */
export function useSosRecipients(enabled: boolean) {
  return useQuery({
    queryKey: sosRecipientsKey,
    queryFn: ({ signal }) => apiRequest('/api/sos/recipients', { schema: sosRecipientsSchema, signal }),
    enabled,
    staleTime: 0,
  });
}
