/**
 * The IndexedDB plumbing the offline stores share: open a database once (reopening after another tab
 * upgrades it) and run one request in a transaction. Each store keeps its own database, so neither needs
 * a schema upgrade when the other changes.
 */
export interface ObjectStoreSpec {
  database: string;
  store: string;
  /** Options for createObjectStore (e.g. an auto-increment key path); none for a plain key–value store. */
  options?: IDBObjectStoreParameters;
}

export function objectStore(spec: ObjectStoreSpec) {
  let opening: Promise<IDBDatabase> | null = null;

  function open(): Promise<IDBDatabase> {
    if (opening) return opening;
    opening = new Promise<IDBDatabase>((resolve, reject) => {
      if (typeof indexedDB === 'undefined') {
        reject(new Error('IndexedDB is not available'));
        return;
      }
      const request = indexedDB.open(spec.database, 1);
      request.onupgradeneeded = () => {
        if (!request.result.objectStoreNames.contains(spec.store)) request.result.createObjectStore(spec.store, spec.options);
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

  /** Runs one request in its own transaction and resolves with its result once the transaction commits. */
  async function run<T>(mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    const db = await open();
    return new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(spec.store, mode);
      const request = action(transaction.objectStore(spec.store));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error);
    });
  }

  return { run };
}
