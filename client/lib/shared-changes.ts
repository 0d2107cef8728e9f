import type { QueryClient } from '@tanstack/react-query';

/**
 * Changes that one feature (or the offline outbox) makes and another feature's queries show. Features never spell
 * each other's query keys: a query that shows such a change says so (`meta: { shows: [...] }`), and whatever made the
 * change calls `refreshShowing`, which reads every such query again.
 */
export type SharedChange =
  /** Saved meetings and attendance (my-meetings): the current recovery plan counts this week's meetings. */
  | 'my-meetings'
  /** Coaching relationships, matches and signed-off notes: the coaching pages and the relationship pages show them. */
  | 'coaching'
  /** Check-ins, also those the offline outbox sends later (offline-sync.ts): the check-in page and the trends. */
  | 'checkins';

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: {
      /** The shared changes this query's data shows: it is read again after any of them. */
      shows?: readonly SharedChange[];
    };
  }
}

/** Reads again (or marks stale, when nothing shows them now) the queries that show `change`. */
export function refreshShowing(queryClient: QueryClient, change: SharedChange): Promise<void> {
  return queryClient.invalidateQueries({ predicate: (query) => query.meta?.shows?.includes(change) ?? false });
}
