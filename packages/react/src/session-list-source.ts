import type { ChatSessionRegistry, ChatSessionSummary } from '@helicone-kit/core';

/**
 * The stored sessions as an external store. The registry does not announce its writes, so whoever changes the
 * list (a chat that settled, a rename, another tab) calls `changed()`, and the list is read again on demand.
 */
export type SessionListSource = {
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => readonly ChatSessionSummary[];
  changed: () => void;
};

export function createSessionListSource(registry: ChatSessionRegistry): SessionListSource {
  const listeners = new Set<() => void>();
  let snapshot: readonly ChatSessionSummary[] | undefined;
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    getSnapshot: () => (snapshot ??= registry.listSessions()),
    changed() {
      snapshot = undefined;
      for (const listener of listeners) listener();
    },
  };
}
