/**
 * The outbox: writes made without a network (today: check-ins) wait here, in IndexedDB, and are sent in order when the
 * device is back online. Each keeps the Idempotency-Key it was made with, so a replay (a flush cut off after the server
 * saved it, two tabs flushing at once) is answered from the server's record and creates nothing twice.
 *
 * Its own database (not the safety plan's key–value store in offline-store.ts), so neither needs a schema upgrade when
 * the other changes. Personal data stays in IndexedDB, never in Cache Storage; clear() runs at sign-out and deletion.
 * Every function fails soft: with storage blocked (private mode, quota) the app still works online.
 */
import { ApiError, apiRequest } from './api-client.ts';
import { objectStore } from './indexed-db.ts';

// Auto-increment ids keep the order the person made the writes in.
const { run } = objectStore({ database: 'kinship-outbox', store: 'writes', options: { keyPath: 'id', autoIncrement: true } });

export type QueuedWrite = {
  id: number;
  method: 'PUT' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  body: unknown;
  idempotencyKey: string;
  /** Who made it: only that person's session sends it (another person signing in on this device never does). */
  userId: string;
  createdAt: string;
  attempts: number;
};

export type NewWrite = Pick<QueuedWrite, 'method' | 'url' | 'body' | 'idempotencyKey' | 'userId'>;

/** A queued write the server refused for good (bad input, a key reused for another request): removed and reported. */
export type DroppedWrite = { write: QueuedWrite; status: number; code: string; message: string };

export type FlushResult = { sent: QueuedWrite[]; dropped: DroppedWrite[]; remaining: number };

// ---- A tiny observable count, so screens can show "waiting to be sent" without polling IndexedDB. ----

let knownCount = 0;
let lastDropped: DroppedWrite[] = [];
const listeners = new Set<() => void>();

function publish(count: number): void {
  knownCount = count;
  for (const listener of listeners) listener();
}

export function subscribeQueue(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The last known number of writes waiting (kept up to date by enqueue, flush, clear and pending). */
export function queuedCount(): number {
  return knownCount;
}

/** Writes the server refused at the last flush that dropped any; the screen says so once, then calls forgetDropped(). */
export function droppedWrites(): DroppedWrite[] {
  return lastDropped;
}

export function forgetDropped(): void {
  if (lastDropped.length === 0) return;
  lastDropped = [];
  publish(knownCount);
}

// ---- The queue. ----

/** Keeps a write for later. Returns false when it could not be stored (then the person must try again online). */
export async function enqueue(write: NewWrite): Promise<boolean> {
  try {
    const all = await list();
    // The same submission queued twice (a double tap) is one write.
    if (all.some((item) => item.idempotencyKey === write.idempotencyKey && item.userId === write.userId)) return true;
    const item: Omit<QueuedWrite, 'id'> = { ...write, createdAt: new Date().toISOString(), attempts: 0 };
    await run('readwrite', (store) => store.add(item));
    publish(all.length + 1);
    return true;
  } catch {
    return false;
  }
}

async function list(): Promise<QueuedWrite[]> {
  try {
    const items = await run<QueuedWrite[]>('readonly', (store) => store.getAll());
    return items.sort((a, b) => a.id - b.id);
  } catch {
    return [];
  }
}

/** How many writes are waiting on this device. */
export async function pending(): Promise<number> {
  const count = (await list()).length;
  publish(count);
  return count;
}

async function remove(id: number): Promise<void> {
  try {
    await run('readwrite', (store) => store.delete(id));
  } catch {
    // Already gone.
  }
}

async function put(item: QueuedWrite): Promise<void> {
  try {
    await run('readwrite', (store) => store.put(item));
  } catch {
    // Could not count the attempt; the write itself is still queued.
  }
}

/** Empties the queue: at sign-out and account deletion, so the next person on this device finds nothing. */
export async function clear(): Promise<void> {
  try {
    await run('readwrite', (store) => store.clear());
  } catch {
    // Storage unavailable: nothing was stored either.
  }
  retryAttempt = 0;
  if (retryTimer) clearTimeout(retryTimer);
  retryTimer = null;
  lastDropped = [];
  publish(0);
}

/**
 * Worth sending again later: no answer (network), the server failing (5xx), the session gone for now (401: the same
 * person signs in again), too many requests, or the same key still being processed elsewhere (409).
 */
function retryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return (
    error.status === 0 ||
    error.status >= 500 ||
    error.status === 401 ||
    error.status === 408 ||
    error.status === 409 ||
    error.status === 429
  );
}

let flushing: Promise<FlushResult> | null = null;

/**
 * Sends the waiting writes of `userId` in the order they were made. A 2xx, or a 4xx that can never succeed (400, 422
 * IDEMPOTENCY_MISMATCH, 404…), removes the write (the refused ones are reported); a network error or 5xx keeps it and
 * stops, to be retried later with backoff. Writes left by another person (an expired session, someone else signed in)
 * are removed unsent: they must not go out under this person's account, nor stay on a device they no longer use.
 * One flush at a time: concurrent callers share it.
 */
export function flush(userId: string): Promise<FlushResult> {
  if (flushing) return flushing;
  flushing = doFlush(userId).finally(() => {
    flushing = null;
  });
  return flushing;
}

async function doFlush(userId: string): Promise<FlushResult> {
  const sent: QueuedWrite[] = [];
  const dropped: DroppedWrite[] = [];
  const items = await list();
  let failed = false;
  for (const item of items) {
    if (item.userId !== userId) {
      await remove(item.id);
      continue;
    }
    try {
      await apiRequest(item.url, { method: item.method, body: item.body, headers: { 'idempotency-key': item.idempotencyKey } });
      await remove(item.id);
      sent.push(item);
    } catch (error) {
      if (retryable(error)) {
        await put({ ...item, attempts: item.attempts + 1 });
        failed = true;
        break;
      }
      await remove(item.id);
      const apiError = error as ApiError;
      dropped.push({ write: item, status: apiError.status, code: apiError.code, message: apiError.message });
    }
  }
  const remaining = (await list()).length;
  if (dropped.length > 0) lastDropped = [...lastDropped, ...dropped];
  publish(remaining);
  if (failed && remaining > 0) scheduleRetry(userId);
  else retryAttempt = 0;
  return { sent, dropped, remaining };
}

// ---- Backoff: 5 s, 10 s, 20 s … up to 5 minutes, while writes wait and the device says it is online. ----

let retryAttempt = 0;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
let onRetryFlushed: ((result: FlushResult) => void) | null = null;

function scheduleRetry(userId: string): void {
  if (retryTimer) return;
  const delay = Math.min(5_000 * 2 ** retryAttempt, 5 * 60_000);
  retryAttempt += 1;
  retryTimer = setTimeout(() => {
    retryTimer = null;
    // Offline, the `online` event starts the next flush; no point waking up before.
    if (typeof navigator !== 'undefined' && navigator.onLine === false) return;
    void flush(userId).then((result) => onRetryFlushed?.(result));
  }, delay);
}

/** Lets the app react (refresh queries) after a flush started by the backoff timer. */
export function onBackgroundFlush(callback: ((result: FlushResult) => void) | null): void {
  onRetryFlushed = callback;
}
