import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  type MeetingImport,
  type MeetingSourceInput,
  meetingImportSchema,
  meetingSourceSchema,
} from '../../../shared/contracts/meetings-import.ts';
import { apiRequest } from '../../lib/api-client.ts';

const SOURCES = ['meeting-sources'] as const;
const sourcesUrl = '/api/admin/meeting-sources';
const importUrl = (id: string) => `/api/admin/meeting-imports/${encodeURIComponent(id)}`;

export function useMeetingSources() {
  return useQuery({
    queryKey: SOURCES,
    queryFn: ({ signal }) => apiRequest(sourcesUrl, { schema: z.array(meetingSourceSchema), signal }),
  });
}

/** An import, polled every second while it is being checked or committed. */
export function useMeetingImport(id: string | null) {
  return useQuery({
    queryKey: [...SOURCES, 'import', id],
    queryFn: ({ signal }) => apiRequest(importUrl(id ?? ''), { schema: meetingImportSchema, signal }),
    enabled: id !== null,
    refetchInterval: (query) => (['checking', 'committing'].includes(query.state.data?.status ?? 'checking') ? 1000 : false),
  });
}

function useSourcesMutation<T, R>(mutationFn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSettled: () => queryClient.invalidateQueries({ queryKey: SOURCES }) });
}

export const useSaveSource = () =>
  useSourcesMutation(({ id, input }: { id: string | null; input: MeetingSourceInput }) =>
    id
      ? apiRequest(`${sourcesUrl}/${encodeURIComponent(id)}`, { method: 'PUT', body: input, schema: meetingSourceSchema })
      : apiRequest(sourcesUrl, { method: 'POST', body: input, schema: meetingSourceSchema }),
  );

export const useDeleteSource = () =>
  useSourcesMutation((id: string) => apiRequest(`${sourcesUrl}/${encodeURIComponent(id)}`, { method: 'DELETE' }));

/** Starts an import: a URL source fetches its feed; a file source sends the file's bytes as they are. */
export const useStartImport = () =>
  useSourcesMutation(
    ({ sourceId, file }: { sourceId: string; file: File | null }): Promise<MeetingImport> =>
      apiRequest(`${sourcesUrl}/${encodeURIComponent(sourceId)}/imports`, {
        method: 'POST',
        ...(file ? { rawBody: file } : { body: {} }),
        schema: meetingImportSchema,
      }),
  );

export const useDecideImport = () =>
  useSourcesMutation(
    ({ id, decision }: { id: string; decision: 'commit' | 'discard' }): Promise<MeetingImport> =>
      apiRequest(`${importUrl(id)}/${decision}`, { method: 'POST', schema: meetingImportSchema }),
  );
