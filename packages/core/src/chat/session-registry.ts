import { createChatSession, type ChatSession } from './chat-session';
import type { ChatStorage, ChatStorageEvent } from './chat-storage';
import { createSessionPersistence, type ChatSessionSummary } from './session-persistence';
import { readSessionRecord } from './session-record';

export type ChatSessionRegistryOptions = {
  /** Default: in memory. In a browser, pass `localStorage`. */
  storage?: ChatStorage | undefined;
  /** Prefix of every storage key. Default `helicone-kit:chat:`. */
  keyPrefix?: string | undefined;
  /** Default `console.warn`. Warnings about a session held by stores with their own `onWarning` go to those. */
  onWarning?: ((message: string) => void) | undefined;
};

/** What a store tells the registry about a session it asks for. */
export type SessionInit = {
  /** The name of a session not stored yet. */
  name?: string | undefined;
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
  const listeners = new Set<() => void>();
  const listChanged = () => listeners.forEach((listener) => listener());
  /** `warnings`: the handlers of the stores holding the session (a store holds a session once). */
  const live = new Map<
    string,
    { session: ChatSession; holders: number; warnings: Set<SessionInit['warnings']> }
  >();
  /** The session being loaded: load warns before anyone holds it, so its store's handler is used. */
  let loading: SessionInit | undefined;
  const warn = (message: string, sessionId?: string) => {
    let handled = false;
    for (const getter of loading ? [loading.warnings] : (live.get(sessionId!)?.warnings ?? [])) {
      const handler = getter?.();
      handler?.(message);
      handled ||= !!handler;
    }
    if (!handled) (options.onWarning ?? console.warn)(message);
  };
  const persistence = createSessionPersistence(options, warn, listChanged);
  const load = (id: string, init: SessionInit = {}) => {
    loading = init;
    try {
      const loaded = persistence.load(id);
      loaded.name ??= init.name;
      return createChatSession(id, loaded, persistence);
    } finally {
      loading = undefined;
    }
  };

  return {
    acquire(id, init) {
      let entry = live.get(id);
      if (!entry) live.set(id, (entry = { session: load(id, init), holders: 0, warnings: new Set() }));
      entry.holders += 1;
      entry.warnings.add(init?.warnings);
      return entry.session;
    },
    peek: (id, init) => live.get(id)?.session ?? load(id, init),
    release(session, init) {
      const entry = live.get(session.id);
      if (entry?.session !== session) return;
      entry.warnings.delete(init?.warnings);
      if (--entry.holders > 0) return;
      live.delete(session.id);
      session.stop();
    },
    applyStorageEvent({ key, newValue }) {
      if (key === persistence.key('sessions')) listChanged();
      for (const [id, { session }] of live) {
        if (key === persistence.key('draft:' + id)) session.store.setState({ draft: newValue ?? '' });
        const stored = key === persistence.key('session:' + id) && readSessionRecord(newValue);
        if (typeof stored === 'object') session.takeStored(stored);
      }
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
