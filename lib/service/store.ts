/**
 * Versioned items over a key-value store: each value is kept with the version of its shape, and an
 * older shape is migrated (step by step, each migration beside its item) when it is read. Changes
 * to one key are serialized, so two read-change-write updates never lose each other's change.
 */

/** What the items need from a backend (the extension's IndexedDB in the browser, a Map in tests). */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  delete(keys: readonly string[]): Promise<void>;
  /** Every key starting with the prefix. */
  keys(prefix: string): Promise<string[]>;
}

export interface ItemSpec<T> {
  /** The current shape's version; stored values of an older version are migrated on read. */
  version: number;
  fallback: () => T;
  /** migrations[n] turns a version n-1 value into a version n value. */
  migrations?: Record<number, (old: never) => unknown>;
}

export interface Item<T> {
  readonly key: string;
  get(): Promise<T>;
  set(value: T): Promise<void>;
  /** Read, change and write as one step: concurrent updates of the same key run one after another. */
  update(change: (value: T) => T | Promise<T>): Promise<T>;
  remove(): Promise<void>;
}

interface Envelope {
  version: number;
  value: unknown;
}

const isEnvelope = (value: unknown): value is Envelope =>
  typeof value === 'object' && value !== null && typeof (value as Envelope).version === 'number' && 'value' in value;

/** Runs each key's tasks one after another (per store). */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<R>(key: string, task: () => Promise<R>): Promise<R> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(task, task);
    const tail = next.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }
}

/** Brings a stored value up to the spec's version (or says why it cannot). */
function migrateValue<T>(spec: ItemSpec<T>, stored: Envelope): T {
  let { version, value } = stored;
  while (version < spec.version) {
    const step = spec.migrations?.[version + 1];
    if (!step) throw new Error(`no migration from version ${version} to ${version + 1}`);
    value = step(value as never);
    version++;
  }
  return value as T;
}

export function storedItem<T>(store: KeyValueStore, queue: KeyedQueue, key: string, spec: ItemSpec<T>): Item<T> {
  const read = async (): Promise<T> => {
    const stored = await store.get(key);
    if (!isEnvelope(stored)) return spec.fallback();
    if (stored.version === spec.version) return stored.value as T;
    if (stored.version > spec.version) return spec.fallback(); // written by a newer version: unreadable here
    const migrated = migrateValue(spec, stored);
    await store.set(key, { version: spec.version, value: migrated });
    return migrated;
  };
  const write = (value: T) => store.set(key, { version: spec.version, value } satisfies Envelope);
  return {
    key,
    get: () => queue.run(key, read),
    set: (value) => queue.run(key, () => write(value)),
    update: (change) =>
      queue.run(key, async () => {
        const next = await change(await read());
        await write(next);
        return next;
      }),
    remove: () => queue.run(key, () => store.delete([key])),
  };
}

/** An in-memory store, for tests and tools. */
export function memoryStore(): KeyValueStore & { entries: Map<string, unknown> } {
  const entries = new Map<string, unknown>();
  return {
    entries,
    get: async (key) => structuredClone(entries.get(key)),
    set: async (key, value) => void entries.set(key, structuredClone(value)),
    delete: async (keys) => keys.forEach((key) => entries.delete(key)),
    keys: async (prefix) => [...entries.keys()].filter((key) => key.startsWith(prefix)),
  };
}
