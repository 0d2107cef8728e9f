import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  CHECKIN_LIMITS,
  type Checkin,
  type checkinBodySchema,
  checkinListSchema,
  checkinSchema,
  checkinSummarySchema,
  type TREND_WINDOWS,
  trendsSchema,
} from '../../../../shared/contracts/checkins.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { addDays } from '../../../lib/local-day.ts';
import { enqueue } from '../../../lib/offline-queue.ts';
import { personRecordKey, personRecordQuery } from '../../../lib/person-record.ts';

export type TrendWindow = (typeof TREND_WINDOWS)[number];

/** The query keys of check-ins: the editable days, and the trends drawn from them. */
export const checkinKeys = {
  recent: ['me', 'checkins', 'recent'] as const,
  trends: ['me', 'trends'] as const,
  trendsFor: (days: TrendWindow) => ['me', 'trends', days] as const,
};

export type RecentCheckins = {
  /** Today in the member's time zone (the server decides, from their profile). */
  today: string;
  /** The oldest day that may still be filled in. */
  earliest: string;
  byDate: Map<string, Checkin>;
};

/** The check-ins a member can still edit: today and the missed-day window before it. */
export const recentCheckinsQueryOptions = queryOptions({
  queryKey: checkinKeys.recent,
  meta: { shows: ['checkins'] },
  queryFn: async ({ signal }): Promise<RecentCheckins> => {
    // The first answer says which day is today in the member's zone; the second covers the whole backfill window.
    const first = await apiRequest('/api/me/checkins', { schema: checkinListSchema, signal });
    const today = first.to;
    const earliest = addDays(today, -CHECKIN_LIMITS.backfillDays);
    const items =
      earliest < first.from
        ? (await apiRequest(`/api/me/checkins?from=${earliest}&to=${today}`, { schema: checkinListSchema, signal })).items
        : first.items;
    return { today, earliest, byDate: new Map(items.map((item) => [item.localDate, item])) };
  },
});

export function useRecentCheckins() {
  return useQuery(recentCheckinsQueryOptions);
}

export type CheckinInput = z.input<typeof checkinBodySchema>;

function checkinPath(localDate: string): string {
  return `/api/me/checkins/${encodeURIComponent(localDate)}`;
}

/**
 * Offline: the same PUT, with the same Idempotency-Key, waits in the outbox until the device is online again.
 * Resolves false when this device cannot store it (storage blocked), so the person is asked to try again instead.
 */
export function queueCheckin(localDate: string, body: CheckinInput, idempotencyKey: string, userId: string): Promise<boolean> {
  return enqueue({ method: 'PUT', url: checkinPath(localDate), body, idempotencyKey, userId });
}

/** PUT is "create or replace the check-in of this day"; the key makes a retried request count once. */
export function putCheckin(localDate: string, body: CheckinInput, idempotencyKey: string) {
  return apiRequest(checkinPath(localDate), {
    method: 'PUT',
    body,
    schema: checkinSchema,
    headers: { 'idempotency-key': idempotencyKey },
  });
}

export function useSaveCheckin() {
  const queryClient = useQueryClient();
  return useMutation({
    // Offline the request fails at once (and the form queues it) instead of waiting, paused, for the network.
    networkMode: 'always',
    mutationFn: ({ localDate, body, key }: { localDate: string; body: CheckinInput; key: string }) => putCheckin(localDate, body, key),
    onSuccess: async (saved) => {
      queryClient.setQueryData(recentCheckinsQueryOptions.queryKey, (current) => {
        if (!current) return current;
        const byDate = new Map(current.byDate);
        byDate.set(saved.localDate, saved);
        return { ...current, byDate };
      });
      await queryClient.invalidateQueries({ queryKey: checkinKeys.trends });
    },
  });
}

export function trendsQueryOptions(days: TrendWindow) {
  return queryOptions({
    queryKey: checkinKeys.trendsFor(days),
    meta: { shows: ['checkins'] },
    queryFn: ({ signal }) => apiRequest(`/api/me/trends?days=${days}`, { schema: trendsSchema, signal }),
  });
}

export function useTrends(days: TrendWindow) {
  return useQuery(trendsQueryOptions(days));
}

const personPath = (personId: string) => `/api/people/${encodeURIComponent(personId)}/checkins`;

/** Another person's check-in summary, through their `checkins.summary` grant (logged). */
export function useSharedCheckinSummary(personId: string) {
  return useQuery({
    queryKey: personRecordKey(personId, 'checkins.summary'),
    queryFn: ({ signal }) => apiRequest(`${personPath(personId)}/summary`, { schema: checkinSummarySchema, signal }),
    ...personRecordQuery,
  });
}

/** Another person's trends, through their `checkins.detail` grant (logged). */
export function useSharedTrends(personId: string, days: TrendWindow) {
  return useQuery({
    queryKey: personRecordKey(personId, 'checkins.detail', 'trends', days),
    queryFn: ({ signal }) => apiRequest(`${personPath(personId)}/trends?days=${days}`, { schema: trendsSchema, signal }),
    ...personRecordQuery,
  });
}

/** Another person's check-ins of the last `days`, everything they wrote, through `checkins.detail` (logged). */
export function useSharedCheckins(personId: string, days: number) {
  return useQuery({
    queryKey: personRecordKey(personId, 'checkins.detail', 'list', days),
    queryFn: ({ signal }) => apiRequest(`${personPath(personId)}?days=${days}`, { schema: checkinListSchema, signal }),
    ...personRecordQuery,
  });
}
