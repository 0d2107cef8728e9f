/**
 * A small key–value store in IndexedDB for what must work without a network (the last loaded safety plan, later the
 * check-in queue). Personal data never goes into Cache Storage: the service worker caches only the app shell.
 * Everything here belongs to the person signed in on this device and is wiped by clearOffline() at sign-out.
 * Every function fails soft: with storage blocked (private mode, quota) the app still works online.
 */
const DB_NAME = 'kinship';
const DB_VERSION = 1;
const STORE = 'offline';

let opening: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  if (opening) return opening;
  opening = new Promise<IDBDatabase>((resolve, reject) => {
    if (typeof indexedDB === 'undefined') {
      reject(new Error('IndexedDB is not available'));
      return;
    }
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE);
    };
    request.onsuccess = () => {
      const db = request.result;
      // Another tab upgrading the database: let it, and open again next time.
      db.onversionchange = () => {
        db.close();
        opening = null;
      };
      resolve(db);
    };
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
  });
  opening.catch(() => {
    opening = null;
  });
  return opening;
}

async function run<T>(mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  return new Promise<T>((resolve, reject) => {
    const transaction = db.transaction(STORE, mode);
    const request = action(transaction.objectStore(STORE));
    transaction.oncomplete = () => resolve(request.result);
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error);
  });
}

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
