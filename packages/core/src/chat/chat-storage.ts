/** Where sessions are kept: `localStorage`, `sessionStorage`, or anything with these three methods. */
export type ChatStorage = {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
};

/** The part of a `StorageEvent` the store reads (so tests and other runtimes can build one by hand). */
export type ChatStorageEvent = {
  readonly key: string | null;
  readonly newValue: string | null;
};

/** Keeps sessions in memory only: the default where no storage is given (on the server, in tests). */
export function createMemoryStorage(): ChatStorage {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, String(value)),
    removeItem: (key) => void items.delete(key),
  };
}
