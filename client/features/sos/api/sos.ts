import { useMutation } from '@tanstack/react-query';
import { sosResultSchema } from '../../../../shared/contracts/sos.ts';
import { apiRequest } from '../../../lib/api-client.ts';

/** Presses SOS: the server alerts everyone the member chose and answers with how many, and the crisis lines. */
export function usePressSos() {
  return useMutation({
    mutationFn: () => apiRequest('/api/sos', { method: 'POST', body: {}, schema: sosResultSchema }),
  });
}
