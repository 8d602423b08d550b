/** Default prefix of every key the chat store writes. */
export const DEFAULT_STORAGE_PREFIX = 'helicone-kit:chat:';

export type StorageKeys = {
  session(id: string): string;
  draft(id: string): string;
  /** The list of sessions (id, name, dates, totals). */
  readonly index: string;
  /** Where an unreadable entry is moved, so nothing is lost and the chat can start afresh. */
  setAside(id: string, time: number): string;
  /** The session id a key belongs to, and which kind of key it is. */
  parse(key: string): { kind: 'session' | 'draft'; id: string } | { kind: 'index' } | undefined;
};

export function createStorageKeys(prefix = DEFAULT_STORAGE_PREFIX): StorageKeys {
  const index = `${prefix}sessions`;
  return {
    session: (id) => `${prefix}session:${id}`,
    draft: (id) => `${prefix}draft:${id}`,
    index,
    setAside: (id, time) => `${prefix}unreadable:${id}:${time}`,
    parse(key) {
      if (key === index) return { kind: 'index' };
      if (!key.startsWith(prefix)) return undefined;
      const rest = key.slice(prefix.length);
      if (rest.startsWith('session:')) return { kind: 'session', id: rest.slice('session:'.length) };
      if (rest.startsWith('draft:')) return { kind: 'draft', id: rest.slice('draft:'.length) };
      return undefined;
    },
  };
}
