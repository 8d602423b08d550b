import { createMemoryStorage, type ChatStorage } from './chat-storage';
import { mergeTrees } from './merge-trees';
import { createMessageTree, type MessageTree } from './message-tree';
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

export type LoadedSession = {
  name?: string | undefined;
  createdAt: number;
  tree: MessageTree;
  draft: string;
};

/**
 * Reads and writes sessions. Storage never breaks the chat: a storage call that throws (a full storage's
 * `QuotaExceededError`) is reported once through `warn` (until one goes through again) and the chat goes on in
 * memory; an entry that cannot be read is moved aside under another key, with a warning, and the session starts
 * empty.
 */
export type SessionPersistence = {
  /** The storage key of a name: `session:<id>`, `draft:<id>`, `sessions` (the list). */
  key(name: string): string;
  load(id: string): LoadedSession;
  /**
   * Saves the tree after merging in what another tab stored meanwhile (trees only grow, so nothing either tab
   * added is overwritten). Returns whether that merge changed `tree`.
   */
  save(id: string, session: { name?: string | undefined; createdAt: number; tree: MessageTree }): boolean;
  saveDraft(id: string, draft: string): void;
  list(): ChatSessionSummary[];
  remove(id: string): void;
  rename(id: string, name: string): void;
};

const INDEX_VERSION = 1;

export function createSessionPersistence(
  options: { storage?: ChatStorage | undefined; keyPrefix?: string | undefined },
  /** `sessionId`: the session the warning is about, when it is about one. */
  warn: (message: string, sessionId?: string) => void,
  /** Called after the list of sessions was written. */
  listChanged: () => void,
): SessionPersistence {
  const storage = options.storage ?? createMemoryStorage();
  const key = (name: string) => (options.keyPrefix ?? DEFAULT_STORAGE_PREFIX) + name;
  const index = key('sessions');
  /** What failed, so a failing storage warns once about it until it goes through again. */
  const failed = new Set<string>();
  /** Unreadable entries (by session id) still in place because moving them aside failed. */
  const notSetAside = new Map<string, string>();

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
  const sessionKey = (id: string) => key('session:' + id);
  const draftKey = (id: string) => key('draft:' + id);
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
      const { version, sessions } = JSON.parse(raw) as {
        version?: unknown;
        sessions?: unknown;
      };
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

  const persistence: SessionPersistence = {
    key,
    load(id) {
      const raw = read(sessionKey(id), id);
      const record = readSessionRecord(raw);
      const draft = read(draftKey(id), id) ?? '';
      if (typeof record === 'object') {
        if (record.dropped > 0) {
          warn(`helicone-kit: ${record.dropped} unreadable message(s) of session ${id} were left out.`, id);
        }
        return { name: record.name, createdAt: record.createdAt, tree: record.tree, draft };
      }
      if (record) {
        const aside = setAside(id, raw!);
        warn(
          `helicone-kit: session ${id} could not be read (${record}); ` +
            (aside
              ? `it was moved to ${aside}`
              : `it could not be moved aside, so it stays under ${sessionKey(id)}, kept until it can be,`) +
            ' and the session starts empty.',
          id,
        );
      }
      return { createdAt: Date.now(), tree: createMessageTree(), draft };
    },
    save(id, { name, createdAt, tree }) {
      // An unreadable entry that could not be moved aside yet is never written over: it is moved first.
      const unreadable = notSetAside.get(id);
      if (unreadable !== undefined && !setAside(id, unreadable)) return false;
      const stored = readStored(id);
      const merged = typeof stored === 'object' && mergeTrees(tree, stored.tree);
      const summary = { id, name, createdAt, updatedAt: Date.now() };
      const serialized = { messages: [...tree.nodes.values()], selected: Object.fromEntries(tree.selected) };
      write(
        sessionKey(id),
        JSON.stringify({ version: SESSION_SCHEMA_VERSION, ...summary, tree: serialized }),
        `session ${id}`,
        id,
      );
      writeIndex([{ ...summary, totals: computeTotals(tree.nodes.values()) }, ...others(id)]);
      return merged;
    },
    saveDraft(id, draft) {
      if (draft) write(draftKey(id), draft, `the draft of session ${id}`, id);
      else remove(draftKey(id), id);
    },
    list: () => readIndex().sort((left, right) => right.updatedAt - left.updatedAt),
    remove(id) {
      notSetAside.delete(id);
      remove(sessionKey(id), id);
      remove(draftKey(id), id);
      writeIndex(others(id));
    },
    rename(id, name) {
      const stored = readStored(id);
      if (typeof stored === 'object') persistence.save(id, { ...stored, name });
    },
  };
  return persistence;
}
