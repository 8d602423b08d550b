import type { ChatStorage } from './chat-storage';
import { createMessageTree, serializeTree, type MessageTree } from './message-tree';
import { readSessionRecord, SESSION_SCHEMA_VERSION, type StoredSession } from './session-record';
import type { StorageKeys } from './storage-keys';
import { computeTotals } from './totals';
import type { ChatTotals } from './types';

export type ChatSessionSummary = {
  id: string;
  name?: string;
  createdAt: number;
  updatedAt: number;
  totals: ChatTotals;
};

export type LoadedSession = { name?: string; createdAt: number; tree: MessageTree; draft: string };

const INDEX_VERSION = 1;

/**
 * Reads and writes sessions. Storage never breaks the chat: a write that fails (a full storage throws
 * `QuotaExceededError`) is reported once per session through `warn` and the chat goes on in memory; an entry
 * that cannot be read is moved aside under another key, with a warning, and the session starts empty.
 */
export type SessionPersistence = {
  load(id: string): LoadedSession;
  /** The stored tree of a session, if one can be read (nothing is set aside or warned about). */
  storedTree(id: string): MessageTree | undefined;
  save(id: string, session: { name?: string; createdAt: number; tree: MessageTree }): void;
  saveDraft(id: string, draft: string): void;
  list(): ChatSessionSummary[];
  remove(id: string): void;
  rename(id: string, name: string): void;
};

export function createSessionPersistence(
  storage: ChatStorage,
  keys: StorageKeys,
  /** `sessionId`: the session the warning is about, when it is about one. */
  warn: (message: string, sessionId?: string) => void,
  /** Called after the list of sessions was written. */
  listChanged: () => void = () => {},
): SessionPersistence {
  const failedWrites = new Set<string>();

  const read = (key: string, sessionId?: string): string | null => {
    try {
      return storage.getItem(key);
    } catch (error) {
      warn(`helicone-kit: could not read ${key} from storage (${describe(error)}).`, sessionId);
      return null;
    }
  };
  const write = (key: string, value: string, what: string, sessionId?: string): boolean => {
    try {
      storage.setItem(key, value);
      failedWrites.delete(what);
      return true;
    } catch (error) {
      if (!failedWrites.has(what)) {
        failedWrites.add(what);
        warn(
          `helicone-kit: could not save ${what} (${describe(error)}); the chat goes on without saving it.`,
          sessionId,
        );
      }
      return false;
    }
  };
  const remove = (key: string, sessionId?: string) => {
    try {
      storage.removeItem(key);
    } catch (error) {
      warn(`helicone-kit: could not remove ${key} from storage (${describe(error)}).`, sessionId);
    }
  };

  /** Unreadable entries (by session id) that are still in place because moving them aside failed. */
  const notSetAside = new Map<string, string>();
  /** Copies an unreadable entry under another key, then removes it; on failure it stays. Returns the new key. */
  const setAside = (id: string, raw: string): string | undefined => {
    const aside = keys.setAside(id, Date.now());
    if (!write(aside, raw, `the unreadable entry of session ${id}`, id)) {
      notSetAside.set(id, raw);
      return undefined;
    }
    notSetAside.delete(id);
    remove(keys.session(id), id);
    return aside;
  };

  const readIndex = (): ChatSessionSummary[] => {
    const raw = read(keys.index);
    if (raw === null) return [];
    try {
      const parsed = JSON.parse(raw) as { version?: unknown; sessions?: unknown };
      if (parsed.version === INDEX_VERSION && Array.isArray(parsed.sessions)) {
        return (parsed.sessions as ChatSessionSummary[]).filter(
          (entry) => typeof entry === 'object' && entry !== null && typeof entry.id === 'string',
        );
      }
    } catch {
      // Falls through: the index is only a summary, rebuilt as sessions are saved.
    }
    warn(`helicone-kit: the session list in ${keys.index} was unreadable and starts again.`);
    return [];
  };
  const writeIndex = (sessions: ChatSessionSummary[]) => {
    write(keys.index, JSON.stringify({ version: INDEX_VERSION, sessions }), 'the session list');
    listChanged();
  };

  return {
    load(id) {
      const key = keys.session(id);
      const raw = read(key, id);
      const draft = read(keys.draft(id), id) ?? '';
      const result = readSessionRecord(raw, id);
      if (result.kind === 'ok') {
        if (result.dropped > 0) {
          warn(`helicone-kit: ${result.dropped} unreadable message(s) of session ${id} were left out.`, id);
        }
        return {
          ...(result.name === undefined ? {} : { name: result.name }),
          createdAt: result.createdAt,
          tree: result.tree,
          draft,
        };
      }
      if (result.kind === 'unreadable' && raw !== null) {
        const aside = setAside(id, raw);
        warn(
          `helicone-kit: session ${id} could not be read (${result.reason}); ` +
            (aside
              ? `it was moved to ${aside} and the session starts empty.`
              : `it could not be moved aside, so it stays under ${key} (nothing is saved over it until it can be) ` +
                'and the session starts empty.'),
          id,
        );
      }
      return { createdAt: Date.now(), tree: createMessageTree(), draft };
    },
    storedTree(id) {
      const result = readSessionRecord(read(keys.session(id), id), id);
      return result.kind === 'ok' ? result.tree : undefined;
    },
    save(id, session) {
      // An unreadable entry that could not be moved aside yet is never written over: it is moved first.
      const unreadable = notSetAside.get(id);
      if (unreadable !== undefined && !setAside(id, unreadable)) return;
      const stored = {
        id,
        ...(session.name === undefined ? {} : { name: session.name }),
        createdAt: session.createdAt,
        updatedAt: Date.now(),
      };
      const record: StoredSession = {
        version: SESSION_SCHEMA_VERSION,
        ...stored,
        tree: serializeTree(session.tree),
      };
      write(keys.session(id), JSON.stringify(record), `session ${id}`, id);
      const summary: ChatSessionSummary = { ...stored, totals: computeTotals(session.tree.nodes.values()) };
      writeIndex([summary, ...readIndex().filter((entry) => entry.id !== id)]);
    },
    saveDraft(id, draft) {
      if (draft === '') remove(keys.draft(id), id);
      else write(keys.draft(id), draft, `the draft of session ${id}`, id);
    },
    list: () => readIndex().sort((left, right) => right.updatedAt - left.updatedAt),
    remove(id) {
      notSetAside.delete(id);
      remove(keys.session(id), id);
      remove(keys.draft(id), id);
      writeIndex(readIndex().filter((entry) => entry.id !== id));
    },
    rename(id, name) {
      const raw = read(keys.session(id), id);
      const result = readSessionRecord(raw, id);
      if (result.kind === 'ok') this.save(id, { name, createdAt: result.createdAt, tree: result.tree });
    },
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
