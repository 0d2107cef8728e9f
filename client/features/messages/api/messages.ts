import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type ConversationKind,
  conversationListSchema,
  conversationSummarySchema,
  markReadResultSchema,
  messageSchema,
  threadSchema,
  unreadTotalSchema,
} from '../../../../shared/contracts/messages.ts';
import { apiRequest } from '../../../lib/api-client.ts';

const all = ['messages'] as const;
/** The query keys of messages, under one root: reading or opening a conversation refreshes them all. */
export const messageKeys = {
  all,
  conversations: [...all, 'conversations'] as const,
  unread: [...all, 'unread'] as const,
};

const conversationPath = (id: string) => `/api/messages/conversations/${encodeURIComponent(id)}`;

export const conversationsQueryOptions = queryOptions({
  queryKey: messageKeys.conversations,
  queryFn: ({ signal }) => apiRequest('/api/messages/conversations', { schema: conversationListSchema, signal }),
  // The list is a place people glance at: every half minute while it is open is enough.
  refetchInterval: 30_000,
});

export function useConversations() {
  return useQuery(conversationsQueryOptions);
}

/** How many messages to me are unread, for the navigation's badge: once a minute, and whenever the app regains focus. */
export const unreadMessagesQueryOptions = queryOptions({
  queryKey: messageKeys.unread,
  queryFn: ({ signal }) => apiRequest('/api/messages/unread', { schema: unreadTotalSchema, signal }),
  refetchInterval: 60_000,
  refetchOnWindowFocus: 'always',
});

export function useUnreadMessages(enabled = true) {
  return useQuery({ ...unreadMessagesQueryOptions, enabled });
}

/**
 * One page of a thread: `after` for what came since the last message I have (polling), `before` for
 * older ones, neither for the latest page. When a live connection replaces polling, it will resync
 * through the same `after` call.
 */
export function fetchThread(id: string, options: { after?: number; before?: number; signal?: AbortSignal } = {}) {
  const query = new URLSearchParams();
  if (options.after !== undefined) query.set('after', String(options.after));
  if (options.before !== undefined) query.set('before', String(options.before));
  const suffix = query.size > 0 ? `?${query}` : '';
  return apiRequest(`${conversationPath(id)}${suffix}`, { schema: threadSchema, signal: options.signal });
}

/** Sends one message; the key makes a retry of the same message (after a lost answer) create nothing twice. */
export function sendMessage(id: string, body: string, idempotencyKey: string) {
  return apiRequest(conversationPath(id), {
    method: 'POST',
    body: { body },
    headers: { 'Idempotency-Key': idempotencyKey },
    schema: messageSchema,
  });
}

export function markRead(id: string, upTo: number) {
  return apiRequest(`${conversationPath(id)}/read`, { method: 'POST', body: { upTo }, schema: markReadResultSchema });
}

/** Opens (or finds) my conversation with someone I am linked to, for a "Message" button. */
export function useOpenConversation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { kind: ConversationKind; with: string }) =>
      apiRequest('/api/messages/conversations', { method: 'POST', body: input, schema: conversationSummarySchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: messageKeys.all }),
  });
}
