import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  type changePasswordSchema,
  type totpDisableSchema,
  totpEnabledSchema,
  type totpEnableSchema,
  totpSetupSchema,
} from '../../../../shared/contracts/auth.ts';
import { okSchema } from '../../../../shared/contracts/common.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { refreshSession } from '../../../lib/session.ts';

export function changePassword(input: z.output<typeof changePasswordSchema>) {
  return apiRequest('/api/auth/password', { method: 'POST', body: input, schema: okSchema });
}

export function startTotpSetup() {
  return apiRequest('/api/auth/totp/setup', { method: 'POST', body: {}, schema: totpSetupSchema });
}

export function enableTotp(input: z.output<typeof totpEnableSchema>) {
  return apiRequest('/api/auth/totp/enable', { method: 'POST', body: input, schema: totpEnabledSchema });
}

export function disableTotp(input: z.output<typeof totpDisableSchema>) {
  return apiRequest('/api/auth/totp/disable', { method: 'POST', body: input, schema: okSchema });
}

/** Security changes can rotate the session (and its CSRF token) and change mfaEnabled / mfaSetupRequired. */
function useSecurityMutation<I, O>(mutationFn: (input: I) => Promise<O>, refresh = true) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      if (refresh) await refreshSession(queryClient);
    },
  });
}

export function useChangePassword() {
  return useSecurityMutation(changePassword);
}

export function useStartTotpSetup() {
  return useSecurityMutation(startTotpSetup, false);
}

/** The session is refreshed only after the recovery codes were seen: refreshing earlier would re-route a person
 * whose organization requires two-factor away from the page that shows the codes. */
export function useEnableTotp() {
  return useSecurityMutation(enableTotp, false);
}

export function useDisableTotp() {
  return useSecurityMutation(disableTotp);
}
