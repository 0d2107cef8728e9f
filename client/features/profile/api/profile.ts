import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { ownProfileSchema, type updateProfileSchema } from '../../../../shared/contracts/people.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { refreshSession } from '../../../lib/session.ts';

/** The query keys of my profile. */
export const profileKeys = { mine: ['me', 'profile'] as const };

export const profileQueryOptions = queryOptions({
  queryKey: profileKeys.mine,
  queryFn: () => apiRequest('/api/me/profile', { schema: ownProfileSchema }),
});

export function useProfile() {
  return useQuery(profileQueryOptions);
}

export function updateProfile(input: z.output<typeof updateProfileSchema>) {
  return apiRequest('/api/me/profile', { method: 'PATCH', body: input, schema: ownProfileSchema });
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateProfile,
    onSuccess: async (profile) => {
      queryClient.setQueryData(profileQueryOptions.queryKey, profile);
      // The alias shown in the header comes from the session.
      await refreshSession(queryClient);
    },
  });
}
