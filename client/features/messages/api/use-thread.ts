import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type ConversationSummary, MESSAGE_LIMITS, type Message } from '../../../../shared/contracts/messages.ts';
import { fetchThread, markRead, messageKeys, sendMessage } from './messages.ts';

/** How often an open, visible thread asks for new messages. */
export const POLL_MS = 3_000;

export type Outgoing = { key: string; body: string; state: 'sending' | 'failed'; error: unknown };

type ThreadState = {
  status: 'loading' | 'ready' | 'error';
  error: unknown;
  conversation: ConversationSummary | null;
  messages: Message[];
  hasOlder: boolean;
  readUpTo: number;
  /** Messages that arrived while the thread was open, for the live region (not the first load). */
  arrived: Message[];
};

const INITIAL: ThreadState = {
  status: 'loading',
  error: null,
  conversation: null,
  messages: [],
  hasOlder: false,
  readUpTo: 0,
  arrived: [],
};

function merge(existing: Message[], incoming: Message[]): Message[] {
  const bySeq = new Map(existing.map((m) => [m.seq, m]));
  for (const message of incoming) bySeq.set(message.seq, message);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

const visible = () => typeof document === 'undefined' || document.visibilityState === 'visible';

/**
 * A thread kept up to date by short polling: while the page is visible, every few seconds it asks for
 * messages after the last sequence number it holds (and right away when the page becomes visible again).
 * A live connection can later replace the timer and resync with the same call. Sending goes through a
 * queue, one message at a time, each with its own Idempotency-Key so a retry never sends twice.
 */
export function useThread(id: string) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<ThreadState>(INITIAL);
  const [outbox, setOutbox] = useState<Outgoing[]>([]);
  const lastSeq = useRef(0);
  const markedUpTo = useRef(0);
  const polling = useRef(false);
  const sending = useRef(false);

  const apply = useCallback((page: Awaited<ReturnType<typeof fetchThread>>, mode: 'initial' | 'newer') => {
    const before = mode === 'initial' ? 0 : lastSeq.current;
    const fresh = mode === 'newer' ? page.messages.filter((m) => m.seq > before && !m.mine) : [];
    lastSeq.current = Math.max(before, page.messages.at(-1)?.seq ?? 0);
    setState((previous) => ({
      status: 'ready',
      error: null,
      conversation: page.conversation,
      messages: merge(mode === 'initial' ? [] : previous.messages, page.messages),
      hasOlder: mode === 'newer' ? previous.hasOlder : page.hasOlder,
      readUpTo: page.readUpTo,
      arrived: fresh.length > 0 ? fresh : previous.arrived,
    }));
  }, []);

  const poll = useCallback(async () => {
    if (polling.current || !visible()) return;
    polling.current = true;
    try {
      for (let round = 0; round < 10; round++) {
        const page = await fetchThread(id, { after: lastSeq.current });
        apply(page, 'newer');
        if (page.messages.length < MESSAGE_LIMITS.page) break;
      }
    } catch (error) {
      setState((previous) => (previous.status === 'ready' ? previous : { ...previous, status: 'error', error }));
    } finally {
      polling.current = false;
    }
  }, [id, apply]);

  // First load, then the polling timer and the visibility listener.
  useEffect(() => {
    let cancelled = false;
    lastSeq.current = 0;
    markedUpTo.current = 0;
    setState(INITIAL);
    const controller = new AbortController();
    fetchThread(id, { signal: controller.signal })
      .then((page) => {
        if (!cancelled) apply(page, 'initial');
      })
      .catch((error: unknown) => {
        if (!cancelled) setState({ ...INITIAL, status: 'error', error });
      });
    const timer = window.setInterval(() => void poll(), POLL_MS);
    const onVisibility = () => {
      if (visible()) void poll();
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      cancelled = true;
      controller.abort();
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [id, apply, poll]);

  // Read receipts: what I can see on a visible page is read.
  const newestFromThem = state.messages.findLast((m) => !m.mine)?.seq ?? 0;
  useEffect(() => {
    if (state.status !== 'ready' || newestFromThem <= markedUpTo.current) return;
    const mark = () => {
      if (!visible() || newestFromThem <= markedUpTo.current) return;
      markedUpTo.current = newestFromThem;
      markRead(id, newestFromThem)
        .then(() => queryClient.invalidateQueries({ queryKey: messageKeys.all }))
        .catch(() => {
          markedUpTo.current = 0;
        });
    };
    mark();
    document.addEventListener('visibilitychange', mark);
    return () => document.removeEventListener('visibilitychange', mark);
  }, [id, state.status, newestFromThem, queryClient]);

  const loadOlder = useCallback(async () => {
    const first = state.messages[0]?.seq;
    if (first === undefined) return;
    const page = await fetchThread(id, { before: first });
    setState((previous) => ({ ...previous, messages: merge(previous.messages, page.messages), hasOlder: page.hasOlder }));
  }, [id, state.messages]);

  // The queue lives in a ref (what the sender reads) mirrored into state (what the page shows).
  const queue = useRef<Outgoing[]>([]);
  const updateOutbox = useCallback((change: (items: Outgoing[]) => Outgoing[]) => {
    queue.current = change(queue.current);
    setOutbox(queue.current);
  }, []);

  const flush = useCallback(async () => {
    if (sending.current) return;
    sending.current = true;
    try {
      for (let item = queue.current.find((q) => q.state === 'sending'); item; item = queue.current.find((q) => q.state === 'sending')) {
        const current = item;
        try {
          const message = await sendMessage(id, current.body, current.key);
          updateOutbox((items) => items.filter((q) => q.key !== current.key));
          setState((previous) => ({ ...previous, messages: merge(previous.messages, [message]) }));
        } catch (error) {
          updateOutbox((items) => items.map((q) => (q.key === current.key ? { ...q, state: 'failed', error } : q)));
        }
      }
    } finally {
      sending.current = false;
    }
    void poll();
  }, [id, poll, updateOutbox]);

  const send = useCallback(
    (body: string) => {
      updateOutbox((items) => [...items, { key: crypto.randomUUID(), body, state: 'sending', error: null }]);
      void flush();
    },
    [flush, updateOutbox],
  );

  const retry = useCallback(
    (key: string) => {
      updateOutbox((items) => items.map((q) => (q.key === key ? { ...q, state: 'sending', error: null } : q)));
      void flush();
    },
    [flush, updateOutbox],
  );

  const discard = useCallback((key: string) => updateOutbox((items) => items.filter((q) => q.key !== key)), [updateOutbox]);

  return { ...state, outbox, send, retry, discard, loadOlder };
}
