/**
 * Whole chains in IndexedDB (a 20,000-contract snapshot is several MB: too large for storage.local).
 * One object store, keyed by feed key; values are structured-cloned snapshots.
 */
import type { ChainSnapshot } from '../lib/chain/model';

const DATABASE = 'gexmap';
const STORE = 'chains';

function open(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(DATABASE, 1);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB open failed'));
  });
}

function run<T>(factory: IDBFactory, mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest<T> | void): Promise<T | undefined> {
  return open(factory).then(
    (database) =>
      new Promise<T | undefined>((resolve, reject) => {
        const transaction = database.transaction(STORE, mode);
        const request = action(transaction.objectStore(STORE));
        let value: T | undefined;
        if (request) request.onsuccess = () => (value = request.result);
        transaction.oncomplete = () => {
          database.close();
          resolve(value);
        };
        transaction.onerror = transaction.onabort = () => {
          database.close();
          reject(transaction.error ?? new Error('IndexedDB transaction failed'));
        };
      }),
  );
}

export interface ChainArchive {
  read(key: string): Promise<ChainSnapshot | null>;
  write(key: string, snapshot: ChainSnapshot): Promise<void>;
  clear(): Promise<void>;
}

export function indexedDbArchive(factory: IDBFactory = indexedDB): ChainArchive {
  return {
    read: async (key) => ((await run<ChainSnapshot>(factory, 'readonly', (store) => store.get(key))) ?? null),
    write: async (key, snapshot) => {
      await run(factory, 'readwrite', (store) => store.put(snapshot, key));
    },
    clear: async () => {
      await run(factory, 'readwrite', (store) => store.clear());
    },
  };
}
