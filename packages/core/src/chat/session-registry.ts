import { createChatSession, type ChatSession, type SessionStorage } from './chat-session';
import { createMemoryStorage, type ChatStorage, type ChatStorageEvent } from './chat-storage';
import { mergeTrees } from './merge-trees';
import { createMessageTree } from './message-tree';
import { readSessionRecord, SESSION_SCHEMA_VERSION, type SessionRecord } from './session-record';
import { DEFAULT_STORAGE_PREFIX } from './storage-keys';
import { computeTotals } from './totals';
import type { ChatTotals } from './types';

export type ChatSessionSummary = {
  id: string;
  name?: string;
  createdAt: number;
  updatedAt: number;
  totals: ChatTotals;
};

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

const INDEX_VERSION = 1;

/**
 * Sessions live here and are kept in `storage` under `<prefix>session:<id>`, `<prefix>draft:<id>` and the list
 * `<prefix>sessions`. Storage never breaks the chat: a storage call that throws (a full storage's
 * `QuotaExceededError`) is warned about once, until one goes through again, and the chat goes on in memory; an
 * entry that cannot be read is moved aside under `<prefix>unreadable:<id>:<time>`, with a warning, and the
 * session starts empty.
 */
export function createChatSessionRegistry({
  storage = createMemoryStorage(),
  keyPrefix = DEFAULT_STORAGE_PREFIX,
  onWarning,
}: ChatSessionRegistryOptions = {}): ChatSessionRegistry {
  const listeners = new Set<() => void>();
  const listChanged = () => listeners.forEach((listener) => listener());
  /** `warnings`: the handlers of the stores holding the session (a store holds a session once). */
  const live = new Map<
    string,
    { session: ChatSession; holders: number; warnings: Set<SessionInit['warnings']> }
  >();
  /** The session being loaded: loading warns before anyone holds it, so its store's handler is used. */
  let loading: SessionInit | undefined;
  /** What failed in storage, so it is warned about once until it goes through again. */
  const failed = new Set<string>();
  /** Unreadable entries (by session id) still in place because moving them aside failed. */
  const notSetAside = new Map<string, string>();
  const key = (name: string) => keyPrefix + name;
  const sessionKey = (id: string) => key('session:' + id);
  const draftKey = (id: string) => key('draft:' + id);
  const index = key('sessions');

  /** Warns the stores that show the session (`sessionId`) with their own handler, else the registry's. */
  const warn = (message: string, sessionId?: string) => {
    let handled = false;
    for (const getter of loading ? [loading.warnings] : (live.get(sessionId!)?.warnings ?? [])) {
      const handler = getter?.();
      handler?.(message);
      handled ||= !!handler;
    }
    if (!handled) (onWarning ?? console.warn)(message);
  };
  /** Runs a storage call: a throw is warned about (`could not <what>`) and gives `null`. */
  const attempt = <T>(what: string, call: () => T, sessionId?: string): T | null => {
    try {
      const result = call();
      failed.delete(what);
      return result;
    } catch (error) {
      if (!failed.has(what)) warn(`helicone-kit: could not ${what} (${String(error)}).`, sessionId);
      failed.add(what);
      return null;
    }
  };
  const read = (name: string, sessionId?: string) =>
    attempt(`read ${name}`, () => storage.getItem(name), sessionId);
  const write = (name: string, value: string, what: string, sessionId?: string) =>
    attempt(`save ${what}`, () => storage.setItem(name, value), sessionId) !== null;
  const remove = (name: string, sessionId?: string) =>
    attempt(`remove ${name}`, () => storage.removeItem(name), sessionId);
  const readStored = (id: string) => readSessionRecord(read(sessionKey(id), id));

  /** Copies an unreadable entry under another key, then removes it; on failure it stays. Returns the new key. */
  const setAside = (id: string, raw: string) => {
    const aside = key(`unreadable:${id}:${Date.now()}`);
    if (!write(aside, raw, `the unreadable entry of session ${id}`, id)) return void notSetAside.set(id, raw);
    notSetAside.delete(id);
    remove(sessionKey(id), id);
    return aside;
  };

  const readIndex = (): ChatSessionSummary[] => {
    const raw = read(index);
    if (raw === null) return [];
    try {
      const { version, sessions } = JSON.parse(raw) as { version?: unknown; sessions?: unknown };
      if (version === INDEX_VERSION && Array.isArray(sessions)) {
        return (sessions as ChatSessionSummary[]).filter((entry) => typeof entry?.id === 'string');
      }
    } catch {
      // Falls through: the list is only a summary, rebuilt as sessions are saved.
    }
    warn(`helicone-kit: the session list in ${index} was unreadable and starts again.`);
    return [];
  };
  const writeIndex = (sessions: ChatSessionSummary[]) => {
    write(index, JSON.stringify({ version: INDEX_VERSION, sessions }), 'the session list');
    listChanged();
  };
  const others = (id: string) => readIndex().filter((entry) => entry.id !== id);

  const sessionStorage: SessionStorage = {
    save(id, { name, createdAt, tree }) {
      // An unreadable entry that could not be moved aside yet is never written over: it is moved first.
      const unreadable = notSetAside.get(id);
      if (unreadable !== undefined && !setAside(id, unreadable)) return false;
      // Another tab may have saved meanwhile: trees only grow, so the stored one is merged in first.
      const stored = readStored(id);
      const merged = typeof stored === 'object' && mergeTrees(tree, stored.tree);
      const summary = { id, name, createdAt, updatedAt: Date.now() };
      const serialized = { messages: [...tree.nodes.values()], selected: Object.fromEntries(tree.selected) };
      const record = { version: SESSION_SCHEMA_VERSION, ...summary, tree: serialized };
      write(sessionKey(id), JSON.stringify(record), `session ${id}`, id);
      writeIndex([{ ...summary, totals: computeTotals(tree.nodes.values()) }, ...others(id)]);
      return merged;
    },
    saveDraft(id, draft) {
      if (draft) write(draftKey(id), draft, `the draft of session ${id}`, id);
      else remove(draftKey(id), id);
    },
  };

  const load = (id: string, init: SessionInit = {}) => {
    loading = init;
    try {
      const raw = read(sessionKey(id), id);
      const record = readSessionRecord(raw);
      if (typeof record === 'string') {
        const aside = setAside(id, raw!);
        warn(
          `helicone-kit: session ${id} could not be read (${record}); ` +
            (aside
              ? `it was moved to ${aside}`
              : `it could not be moved aside, so it stays under ${sessionKey(id)}`) +
            ' and the session starts empty.',
          id,
        );
      } else if (record?.dropped) {
        warn(`helicone-kit: ${record.dropped} unreadable message(s) of session ${id} were left out.`, id);
      }
      const {
        name = init.name,
        createdAt = Date.now(),
        tree = createMessageTree(),
      } = (typeof record === 'object' ? record : {}) as Partial<SessionRecord>;
      const draft = read(draftKey(id), id) ?? '';
      return createChatSession(id, { name, createdAt, tree, draft }, sessionStorage);
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
    applyStorageEvent({ key: changed, newValue }) {
      if (changed === index) listChanged();
      for (const [id, { session }] of live) {
        if (changed === draftKey(id)) session.store.setState({ draft: newValue ?? '' });
        const stored = changed === sessionKey(id) && readSessionRecord(newValue);
        if (typeof stored === 'object') session.takeStored(stored);
      }
    },
    listSessions: () => readIndex().sort((left, right) => right.updatedAt - left.updatedAt),
    renameSession(id, name) {
      const session = live.get(id)?.session;
      const stored = !session && readStored(id);
      if (session) session.setName(name);
      else if (typeof stored === 'object') sessionStorage.save(id, { ...stored, name });
    },
    deleteSession(id) {
      notSetAside.delete(id);
      remove(sessionKey(id), id);
      remove(draftKey(id), id);
      writeIndex(others(id));
    },
    subscribeSessions(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
