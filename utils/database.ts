/**
 * The extension's own IndexedDB: the background's key-value items and its whole chains. It belongs to
 * the extension's origin, so no content script (which runs in a page's origin) can read a key or
 * change a setting there — unlike storage.local, which every content script can read and write.
 */
import type { ChainSnapshot } from '../lib/chain/model';
import type { KeyValueStore } from '../lib/service/store';
import type { CompactChain } from '../lib/service/compact-chain';

const DATABASE = 'gexmap';
/** v1: chains; v2: the item store. */
const VERSION = 2;
const CHAINS = 'chains';
const ITEMS = 'items';

export interface Database {
  items: KeyValueStore;
  /** Chains by feed key: compact chains (lib/service/compact-chain), or 0.1's whole snapshots. */
  chains: {
    read(key: string): Promise<CompactChain | ChainSnapshot | null>;
    write(key: string, chain: CompactChain): Promise<void>;
    delete(key: string): Promise<void>;
    keys(): Promise<string[]>;
    clear(): Promise<void>;
  };
}

function request<T>(action: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    action.onsuccess = () => resolve(action.result);
    action.onerror = () => reject(action.error ?? new Error('IndexedDB request failed'));
  });
}

export function openDatabase(factory: IDBFactory = indexedDB): Database {
  let connection: Promise<IDBDatabase> | null = null;
  const connect = (): Promise<IDBDatabase> => {
    connection ??= new Promise<IDBDatabase>((resolve, reject) => {
      const opening = factory.open(DATABASE, VERSION);
      opening.onupgradeneeded = () => {
        const database = opening.result;
        if (!database.objectStoreNames.contains(CHAINS)) database.createObjectStore(CHAINS);
        if (!database.objectStoreNames.contains(ITEMS)) database.createObjectStore(ITEMS);
      };
      opening.onsuccess = () => {
        const database = opening.result;
        // Another version opening (an update) or the browser closing it: connect again next time.
        database.onversionchange = () => {
          database.close();
          connection = null;
        };
        database.onclose = () => {
          connection = null;
        };
        resolve(database);
      };
      opening.onerror = () => {
        connection = null;
        reject(opening.error ?? new Error('IndexedDB open failed'));
      };
    });
    return connection;
  };
  /** One transaction on one store; resolves when it has committed. */
  const run = async <T>(store: string, mode: IDBTransactionMode, action: (objects: IDBObjectStore) => Promise<T> | T): Promise<T> => {
    const database = await connect();
    const transaction = database.transaction(store, mode);
    const done = new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve();
      transaction.onerror = transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
    });
    const result = await action(transaction.objectStore(store));
    await done;
    return result;
  };
  return {
    items: {
      get: (key) => run(ITEMS, 'readonly', (objects) => request(objects.get(key))),
      set: (key, value) => run(ITEMS, 'readwrite', (objects) => void objects.put(value, key)),
      delete: (keys) => run(ITEMS, 'readwrite', (objects) => keys.forEach((key) => objects.delete(key))),
      keys: (prefix) =>
        run(ITEMS, 'readonly', async (objects) =>
          ((await request(objects.getAllKeys(IDBKeyRange.bound(prefix, `${prefix}\uffff`)))) as string[]).filter((key) =>
            key.startsWith(prefix),
          ),
        ),
    },
    chains: {
      read: async (key) =>
        ((await run(CHAINS, 'readonly', (objects) => request(objects.get(key)))) as CompactChain | ChainSnapshot | undefined) ?? null,
      write: (key, chain) => run(CHAINS, 'readwrite', (objects) => void objects.put(chain, key)),
      delete: (key) => run(CHAINS, 'readwrite', (objects) => void objects.delete(key)),
      keys: () => run(CHAINS, 'readonly', async (objects) => (await request(objects.getAllKeys())) as string[]),
      clear: () => run(CHAINS, 'readwrite', (objects) => void objects.clear()),
    },
  };
}
