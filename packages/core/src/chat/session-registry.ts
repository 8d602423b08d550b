import { createChatSession, type ChatSession } from './chat-session';
import { createMemoryStorage, type ChatStorage, type ChatStorageEvent } from './chat-storage';
import { createSessionPersistence, type ChatSessionSummary } from './session-persistence';
import { readSessionRecord } from './session-record';
import { createStorageKeys } from './storage-keys';

export type ChatSessionRegistryOptions = {
  /** Default: in memory. In a browser, pass `localStorage`. */
  storage?: ChatStorage;
  /** Prefix of every storage key. Default `helicone-kit:chat:`. */
  keyPrefix?: string;
  /** Default `console.warn`. Warnings about a session held by stores with their own `onWarning` go to those. */
  onWarning?: (message: string) => void;
};

/** What a store tells the registry about a session it asks for. */
export type SessionInit = {
  /** The name of a session not stored yet. */
  name?: string;
  /** The store's own warning handler, read at each warning (the latest one is used); `undefined`: the registry's. */
  warnings?: () => ((message: string) => void) | undefined;
};

/**
 * The live sessions, keyed by session id. Stores that ask for the same id get the same session object, so two
 * panels showing one conversation see the same messages and the same running request. A session is kept while
 * some store holds it; when the last one lets go, its running request is stopped and it is dropped (it stays in
 * storage).
 */
export type ChatSessionRegistry = {
  /** The session with this id, held (counted) until `release`: loaded from storage when no store holds it yet. */
  acquire(id: string, init?: SessionInit): ChatSession;
  /**
   * The live session with this id, or one loaded from storage that nobody holds (a store shows it before it is
   * retained; its first `acquire` loads it again). `name` is used for a session not yet stored.
   */
  peek(id: string, init?: SessionInit): ChatSession;
  /** `init`: the one given to `acquire`, so its warning handler is dropped. */
  release(session: ChatSession, init?: SessionInit): void;
  /** Applies another tab's write (the `storage` event of `window`) to the live sessions it concerns. */
  applyStorageEvent(event: ChatStorageEvent): void;
  /** Stored sessions, newest first, with their totals. */
  listSessions(): ChatSessionSummary[];
  renameSession(id: string, name: string): void;
  /** Removes a stored session (a live one keeps its messages in memory until released). */
  deleteSession(id: string): void;
  /** Calls `listener` whenever the stored list may have changed (a save, a rename, a delete, another tab). */
  subscribeSessions(listener: () => void): () => void;
};

export function createChatSessionRegistry(options: ChatSessionRegistryOptions = {}): ChatSessionRegistry {
  const storage = options.storage ?? createMemoryStorage();
  const keys = createStorageKeys(options.keyPrefix);
  const defaultWarn = options.onWarning ?? ((message: string) => console.warn(message));
  const listeners = new Set<() => void>();
  const listChanged = () => {
    for (const listener of listeners) listener();
  };
  /** `warnings`: the handlers of the stores holding the session (a store holds a session once). */
  type Entry = { session: ChatSession; holders: number; warnings: Set<SessionInit['warnings']> };
  const live = new Map<string, Entry>();
  /** The session being loaded, and its store's warning handler (load warns before anyone holds it). */
  let loading: { id: string; init: SessionInit | undefined } | undefined;
  const warn = (message: string, sessionId?: string) => {
    const getters =
      loading && loading.id === sessionId ? [loading.init?.warnings] : live.get(sessionId ?? '')?.warnings;
    let handled = false;
    for (const getter of getters ?? []) {
      const handler = getter?.();
      if (handler) handler(message);
      handled ||= handler !== undefined;
    }
    if (!handled) defaultWarn(message);
  };
  const persistence = createSessionPersistence(storage, keys, warn, listChanged);
  const load = (id: string, init: SessionInit | undefined) => {
    loading = { id, init };
    try {
      const loaded = persistence.load(id);
      const name = loaded.name ?? init?.name;
      return createChatSession(id, { ...loaded, ...(name === undefined ? {} : { name }) }, persistence);
    } finally {
      loading = undefined;
    }
  };

  return {
    acquire(id, init) {
      const entry = live.get(id);
      if (entry) {
        entry.holders += 1;
        entry.warnings.add(init?.warnings);
        return entry.session;
      }
      const session = load(id, init);
      live.set(id, { session, holders: 1, warnings: new Set([init?.warnings]) });
      return session;
    },
    peek: (id, init) => live.get(id)?.session ?? load(id, init),
    release(session, init) {
      const entry = live.get(session.id);
      if (!entry || entry.session !== session) return;
      entry.holders -= 1;
      entry.warnings.delete(init?.warnings);
      if (entry.holders > 0) return;
      live.delete(session.id);
      session.stop();
    },
    applyStorageEvent(event) {
      if (event.key === null) return;
      const parsed = keys.parse(event.key);
      if (!parsed) return;
      if (parsed.kind === 'index') return listChanged();
      const session = live.get(parsed.id)?.session;
      if (!session) return;
      if (parsed.kind === 'draft') {
        session.applyExternal({ draft: event.newValue ?? '' });
        return;
      }
      const result = readSessionRecord(event.newValue, parsed.id);
      if (result.kind !== 'ok') return;
      session.applyExternal({
        tree: result.tree,
        createdAt: result.createdAt,
        draft: session.store.getState().draft,
        ...(result.name === undefined ? {} : { name: result.name }),
      });
    },
    listSessions: () => persistence.list(),
    renameSession(id, name) {
      const session = live.get(id)?.session;
      if (session) session.setName(name);
      else persistence.rename(id, name);
    },
    deleteSession: (id) => persistence.remove(id),
    subscribeSessions(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
