import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { meSchema, type mfaCodeSchema, signInResultSchema, type signInSchema } from '../../../../shared/contracts/auth.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { resetForNewPerson } from '../../../lib/session.ts';

export function signIn(input: z.output<typeof signInSchema>) {
  return apiRequest('/api/auth/sign-in', { method: 'POST', body: input, schema: signInResultSchema });
}

export function verifyMfa(input: z.output<typeof mfaCodeSchema>) {
  return apiRequest('/api/auth/mfa', { method: 'POST', body: input, schema: meSchema });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    // Signed in or half-way (MFA pending): either way the session and its CSRF token changed.
    onSuccess: () => resetForNewPerson(queryClient),
  });
}

export function useVerifyMfa() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: verifyMfa, onSuccess: () => resetForNewPerson(queryClient) });
}
