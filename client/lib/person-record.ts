import type { Scope } from '../../shared/contracts/consent.ts';
import { isApiError } from './api-client.ts';

/**
 * Query keys of another person's record as the viewer reads it: one branch per person and scope, so the
 * person view can drop a scope's data from memory the moment the grant behind it ends.
 */
export const personRecordKey = (personId: string, scope: Scope, ...rest: readonly (string | number)[]) =>
  ['person-record', personId, scope, ...rest] as const;

/** Everything the viewer holds of one person: what they share, and each shared part. */
export const personRecordRoot = (personId: string) => ['person-record', personId] as const;

/** What the person shares with me now: under the same root, so opening break-glass refreshes it with the parts. */
export const sharedWithMeKey = (personId: string) => ['person-record', personId, 'shared-with-me'] as const;

/**
 * Every successful read of someone else's record lands in their access log: read when the page opens,
 * not again on every tab focus or reconnect; and a 404 (not shared, or no longer) is an answer, not a
 * hiccup to retry.
 */
export const personRecordQuery = {
  staleTime: 60_000,
  refetchOnWindowFocus: false,
  refetchOnReconnect: false,
  retry: (failures: number, error: unknown) => !isApiError(error, 'NOT_FOUND') && failures < 2,
} as const;
