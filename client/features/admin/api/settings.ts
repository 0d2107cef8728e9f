import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { organizationSettingsSchema, type updateOrganizationSettingsSchema } from '../../../../shared/contracts/organization.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { refreshSession } from '../../../lib/session.ts';
import { adminKeys } from './admin-keys.ts';

export const settingsQueryOptions = queryOptions({
  queryKey: adminKeys.settings,
  queryFn: () => apiRequest('/api/admin/settings', { schema: organizationSettingsSchema }),
});

export function useOrganizationSettings() {
  return useQuery(settingsQueryOptions);
}

export function updateSettings(input: z.output<typeof updateOrganizationSettingsSchema>) {
  return apiRequest('/api/admin/settings', { method: 'PATCH', body: input, schema: organizationSettingsSchema });
}

export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSettings,
    onSuccess: async (settings) => {
      queryClient.setQueryData(settingsQueryOptions.queryKey, settings);
      // Name, crisis lines and open sign-up are also part of everyone's session.
      await refreshSession(queryClient);
    },
  });
}
