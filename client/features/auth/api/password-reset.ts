import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type { resetCompleteSchema, resetRequestSchema } from '../../../../shared/contracts/auth.ts';
import { okSchema } from '../../../../shared/contracts/common.ts';
import { apiRequest } from '../../../lib/api-client.ts';

/** The answer is the same whether or not the account exists (202), so there is nothing to read back. */
export function requestPasswordReset(input: z.output<typeof resetRequestSchema>) {
  return apiRequest('/api/auth/password-reset/request', { method: 'POST', body: input });
}

export function completePasswordReset(input: z.output<typeof resetCompleteSchema>) {
  return apiRequest('/api/auth/password-reset/complete', { method: 'POST', body: input, schema: okSchema });
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: requestPasswordReset });
}

export function useCompletePasswordReset() {
  return useMutation({ mutationFn: completePasswordReset });
}
