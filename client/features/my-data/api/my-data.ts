import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { deleteAccountResultSchema, type deleteAccountSchema, myDataExportSchema } from '../../../../shared/contracts/my-data.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { forgetDeletedPerson } from '../../../lib/session.ts';

export function fetchMyData() {
  return apiRequest('/api/me/export', { schema: myDataExportSchema });
}

export function deleteAccount(input: z.output<typeof deleteAccountSchema>) {
  return apiRequest('/api/me/delete-account', { method: 'POST', body: input, schema: deleteAccountResultSchema });
}

/** `kinship-export-2026-11-26.json`, dated by this device's calendar (the server names its own download the same way). */
export function exportFileName(at = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `kinship-export-${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}.json`;
}

/** Fetches the export and hands it to the browser as a file; nothing is cached or kept on the device. */
export async function downloadMyData(): Promise<void> {
  const data = await fetchMyData();
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = exportFileName();
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Give the browser a moment to start the download before the object URL goes away.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

/** On success the person no longer exists: forget everything about them on this device, like a sign-out. */
export function useDeleteAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteAccount,
    onSuccess: async () => {
      await forgetDeletedPerson(queryClient);
    },
  });
}
