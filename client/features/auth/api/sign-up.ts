import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { meSchema, type setupSchema, type signUpSchema } from '../../../../shared/contracts/auth.ts';
import { okSchema } from '../../../../shared/contracts/common.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { resetForNewPerson } from '../../../lib/session.ts';

/** Open sign-up only emails a link (the same answer whether or not the address has an account); the link leads to
 * the accept-invite page, where the account is made. */
export function signUp(input: z.output<typeof signUpSchema>) {
  return apiRequest('/api/auth/sign-up', { method: 'POST', body: input, schema: okSchema });
}

export function useSignUp() {
  return useMutation({ mutationFn: signUp });
}

/** First run: creates the organization and its first admin, who is then signed in. */
export function setupOrganization(input: z.output<typeof setupSchema>) {
  return apiRequest('/api/setup', { method: 'POST', body: input, schema: meSchema });
}

export function useSetupOrganization() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: setupOrganization, onSuccess: () => resetForNewPerson(queryClient) });
}
