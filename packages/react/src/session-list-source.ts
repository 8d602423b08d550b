import type { ChatSessionRegistry, ChatSessionSummary } from '@helicone-kit/core';

/** The stored sessions as an external store for `useSyncExternalStore`: one cached list until the registry announces a change. */
export type SessionListSource = {
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => readonly ChatSessionSummary[];
};

export function createSessionListSource(registry: ChatSessionRegistry): SessionListSource {
  let snapshot: readonly ChatSessionSummary[] | undefined;
  return {
    subscribe: (listener) =>
      registry.subscribeSessions(() => {
        snapshot = undefined;
        listener();
      }),
    getSnapshot: () => (snapshot ??= registry.listSessions()),
  };
}
