import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { adminPersonSchema } from '../../../../shared/contracts/people.ts';
import type { Role } from '../../../../shared/contracts/roles.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { adminKeys } from './admin-keys.ts';

export const adminPeopleQueryOptions = queryOptions({
  queryKey: adminKeys.people,
  queryFn: () => apiRequest('/api/admin/people', { schema: z.array(adminPersonSchema) }),
});

export function useAdminPeople() {
  return useQuery(adminPeopleQueryOptions);
}

const personPath = (id: string) => `/api/admin/people/${encodeURIComponent(id)}`;

export function setRoles({ id, roles }: { id: string; roles: Role[] }) {
  return apiRequest(`${personPath(id)}/roles`, { method: 'PUT', body: { roles } });
}

export function setPersonEnabled({ id, enabled }: { id: string; enabled: boolean }) {
  return apiRequest(`${personPath(id)}/${enabled ? 'enable' : 'disable'}`, { method: 'POST', body: {} });
}

function usePeopleMutation<I>(mutationFn: (input: I) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminPeopleQueryOptions.queryKey }),
  });
}

export function useSetRoles() {
  return usePeopleMutation(setRoles);
}

export function useSetPersonEnabled() {
  return usePeopleMutation(setPersonEnabled);
}
