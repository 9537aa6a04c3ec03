/**
 * The device's IndexedDB database: waiting completions and check-ins (queue.ts) and the cached program (offlineProgram.ts). One
 * home for its version and stores so the two never race to upgrade it.
 */
export const DB_NAME = 'backrelief';
export const COMPLETIONS = 'completions';
export const PROGRAM = 'program';
export const CHECKINS = 'checkins';
const VERSION = 3;

export function openDb(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(DB_NAME, VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(COMPLETIONS)) db.createObjectStore(COMPLETIONS, { keyPath: 'sessionId' });
      if (!db.objectStoreNames.contains(PROGRAM)) db.createObjectStore(PROGRAM);
      if (!db.objectStoreNames.contains(CHECKINS)) db.createObjectStore(CHECKINS, { keyPath: 'idempotencyKey' });
    };
    request.onsuccess = () => {
      // another tab (or a newer version of this app) upgrading the database must not wait for this connection
      request.result.onversionchange = () => request.result.close();
      resolve(request.result);
    };
    request.onerror = () => reject(request.error);
  });
}

/** One request in its own transaction on one store; resolves when the transaction committed. */
export async function inStore<T>(factory: IDBFactory, store: string, mode: IDBTransactionMode, body: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb(factory);
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(store, mode);
      const request = body(tx.objectStore(store));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}
