/**
 * A small key–value store in IndexedDB for what must work without a network (the last loaded safety plan, later the
 * check-in queue). Personal data never goes into Cache Storage: the service worker caches only the app shell.
 * Everything here belongs to the person signed in on this device and is wiped by clearOffline() at sign-out.
 * Every function fails soft: with storage blocked (private mode, quota) the app still works online.
 */
import { objectStore } from './indexed-db.ts';

const { run } = objectStore({ database: 'kinship', store: 'offline' });

/** The value saved under key, or undefined (also when storage is unavailable). */
export async function offlineGet<T>(key: string): Promise<T | undefined> {
  try {
    return (await run<unknown>('readonly', (store) => store.get(key))) as T | undefined;
  } catch {
    return undefined;
  }
}

/** Saves a structured-cloneable value under key; returns false when it could not be stored. */
export async function offlineSet(key: string, value: unknown): Promise<boolean> {
  try {
    await run('readwrite', (store) => store.put(value, key));
    return true;
  } catch {
    return false;
  }
}

export async function offlineDelete(key: string): Promise<void> {
  try {
    await run('readwrite', (store) => store.delete(key));
  } catch {
    // Nothing stored, or nothing to delete.
  }
}

/** Wipes everything this device keeps offline: called at sign-out so the next person finds nothing. */
export async function clearOffline(): Promise<void> {
  try {
    await run('readwrite', (store) => store.clear());
  } catch {
    // Storage unavailable: nothing was stored either.
  }
}

const OWNER_KEY = 'owner';

/**
 * Marks whose data this device holds. When someone else signs in (the last person's session ran out instead of
 * being signed out), everything kept for the previous person is wiped first, so nothing of theirs is shown or sent.
 */
export async function claimOffline(userId: string): Promise<void> {
  const owner = await offlineGet<string>(OWNER_KEY);
  if (owner === userId) return;
  if (owner !== undefined) await clearOffline();
  await offlineSet(OWNER_KEY, userId);
}
