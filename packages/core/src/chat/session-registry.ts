import { createStore } from 'zustand/vanilla';
import { createChatSession, type ChatSession, type SessionStorage } from './chat-session';
import { createMemoryStorage, type ChatStorage, type ChatStorageEvent } from './chat-storage';
import { mergeTrees } from './merge-trees';
import { readSessionRecord, SESSION_SCHEMA_VERSION } from './session-record';
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
  /** Counts the changes of the stored list, for `subscribeSessions`. */
  const list = createStore(() => 0);
  const listChanged = () => list.setState((changes) => changes + 1);
  /** `holds`: the warning handler of each store holding the session (a store holds a session once). */
  const live = new Map<string, { session: ChatSession; holds: SessionInit['warnings'][] }>();
  /** The session being loaded: loading warns before anyone holds it, so its store's handler is used. */
  let loading: SessionInit | undefined;
  /** What failed in storage, so it is warned about once until it goes through again. */
  const failed = new Set<string>();
  const key = (name: string) => keyPrefix + name;
  const sessionKey = (id: string) => key('session:' + id);
  const draftKey = (id: string) => key('draft:' + id);
  const index = key('sessions');

  /** Warns the stores that show the session (`sessionId`) with their own handler, else the registry's. */
  const warn = (message: string, sessionId?: string) => {
    let handled = false;
    for (const getter of loading ? [loading.warnings] : (live.get(sessionId!)?.holds ?? [])) {
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
  const write = (name: string, value: string, sessionId?: string) =>
    attempt(`save ${name}`, () => storage.setItem(name, value), sessionId);
  const remove = (name: string, sessionId?: string) =>
    attempt(`remove ${name}`, () => storage.removeItem(name), sessionId);

  /**
   * The stored session `id` as read. An entry that cannot be read (its `problem` says why) is moved under another
   * key, with a warning that ends with `then` (what becomes of the session); on failure it stays where it is and
   * `undefined` comes back, so that it is never written over: the failed write is warned about (once), and the
   * entry too when `then` is given (on load, which goes on with the empty session it reads as).
   */
  const readStored = (id: string, then?: string) => {
    const raw = read(sessionKey(id), id);
    const record = readSessionRecord(raw);
    // An entry that stays in place unread is warned about once, until it reads again or moves.
    const stuck = `read session ${id}`;
    if (!record.problem) {
      failed.delete(stuck);
      return record;
    }
    const aside = key(`unreadable:${id}:${Date.now()}`);
    // Named without the time, so that failing again is not warned about again.
    const moved = attempt(`save unreadable session ${id}`, () => storage.setItem(aside, raw!), id) !== null;
    if (moved) remove(sessionKey(id), id);
    if (!moved && !then) return undefined;
    if (moved || !failed.has(stuck)) {
      warn(
        `helicone-kit: session ${id} could not be read (${record.problem}); ` +
          `it ${moved ? `was moved to ${aside}` : 'stays in place'}${then ?? ''}.`,
        id,
      );
    }
    if (moved) failed.delete(stuck);
    else failed.add(stuck);
    return record;
  };

  const readIndex = (): ChatSessionSummary[] => {
    const raw = read(index);
    if (raw === null) return [];
    try {
      const { version, sessions } = JSON.parse(raw) as { version?: unknown; sessions: ChatSessionSummary[] };
      // Anything but a list throws here too.
      if (version === SESSION_SCHEMA_VERSION)
        return sessions.filter((entry) => typeof entry?.id === 'string');
    } catch {
      // Falls through: the list is only a summary, rebuilt as sessions are saved.
    }
    warn('helicone-kit: the session list could not be read; it starts again.');
    return [];
  };
  /** Writes the list without session `id`, with `summary` first when given. */
  const writeIndex = (id: string, summary?: ChatSessionSummary) => {
    const sessions = readIndex().filter((entry) => entry.id !== id);
    if (summary) sessions.unshift(summary);
    write(index, JSON.stringify({ version: SESSION_SCHEMA_VERSION, sessions }));
    listChanged();
  };

  const sessionStorage: SessionStorage = {
    save(id, name, createdAt, tree) {
      // An entry that cannot be read (left by this tab or another) is never written over: it is moved first.
      const stored = readStored(id);
      if (!stored) return;
      // Another tab may have saved meanwhile: trees only grow, so the stored one is merged in first.
      mergeTrees(tree, stored.tree);
      const summary = { id, name, createdAt, updatedAt: Date.now() };
      const serialized = { messages: [...tree.nodes.values()], selected: Object.fromEntries(tree.selected) };
      write(
        sessionKey(id),
        JSON.stringify({ version: SESSION_SCHEMA_VERSION, ...summary, tree: serialized }),
        id,
      );
      writeIndex(id, { ...summary, totals: computeTotals(tree.nodes.values()) });
    },
    saveDraft: (id, draft) => write(draftKey(id), draft, id),
  };

  const load = (id: string, init: SessionInit = {}) => {
    loading = init;
    try {
      const {
        dropped,
        name = init.name,
        createdAt = Date.now(),
        tree,
      } = readStored(id, ' and the session starts empty')!;
      if (dropped) warn(`helicone-kit: session ${id}: ${dropped} broken messages left out.`, id);
      const draft = read(draftKey(id), id) ?? '';
      return createChatSession(id, { name, createdAt, tree, draft }, sessionStorage);
    } finally {
      loading = undefined;
    }
  };

  const registry: ChatSessionRegistry = {
    acquire(id, init) {
      let entry = live.get(id);
      if (!entry) live.set(id, (entry = { session: load(id, init), holds: [] }));
      entry.holds.push(init?.warnings);
      return entry.session;
    },
    peek: (id, init) => live.get(id)?.session ?? load(id, init),
    release(session, init) {
      const entry = live.get(session.id);
      if (entry?.session !== session) return;
      // One hold fewer: the one taken with this handler (the last one if none was).
      entry.holds.splice(entry.holds.indexOf(init?.warnings), 1);
      if (entry.holds.length > 0) return;
      live.delete(session.id);
      session.stop();
    },
    applyStorageEvent({ key: changed, newValue }) {
      if (changed === index) listChanged();
      for (const [id, { session }] of live) {
        if (changed === draftKey(id)) session.store.setState({ draft: newValue ?? '' });
        if (changed === sessionKey(id)) session.takeStored(readSessionRecord(newValue));
      }
    },
    // Each save puts its session first: the list is kept newest first.
    listSessions: readIndex,
    renameSession(id, name) {
      // A session nobody shows is loaded for the rename; an id that is not stored is left alone.
      if (live.has(id) || read(sessionKey(id)) !== null) registry.peek(id).setName(name);
    },
    deleteSession(id) {
      remove(sessionKey(id), id);
      remove(draftKey(id), id);
      writeIndex(id);
    },
    subscribeSessions: list.subscribe,
  };
  return registry;
}
