import type { ChatSessionRegistry, ChatSessionSummary } from '@helicone-kit/core';

/** The stored sessions as an external store for `useSyncExternalStore`: one cached list until the registry announces a change. */
export type SessionListSource = {
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => readonly ChatSessionSummary[];
};

/** One source per registry, made when a session list is first shown (chats alone never need it). */
const sources = new WeakMap<ChatSessionRegistry, SessionListSource>();

export function sessionListSource(registry: ChatSessionRegistry): SessionListSource {
  let source = sources.get(registry);
  if (source) return source;
  let snapshot: readonly ChatSessionSummary[] | undefined;
  source = {
    subscribe: (listener) =>
      registry.subscribeSessions(() => {
        snapshot = undefined;
        listener();
      }),
    getSnapshot: () => (snapshot ??= registry.listSessions()),
  };
  sources.set(registry, source);
  return source;
}
