'use client';

import type { ChatSessionSummary } from '@helicone-kit/core';
import { useMemo, useSyncExternalStore } from 'react';
import { useHeliconeContext } from './helicone-context';
import { sessionListSource } from './session-list-source';

export type UseChatSessionsResult = {
  /** Stored sessions, newest first, each with its totals (tokens, estimated cost, answers). */
  readonly sessions: readonly ChatSessionSummary[];
  rename(id: string, name: string): void;
  /** Removes a stored session. A chat showing it keeps its messages in memory (and saves them again if it goes on). */
  remove(id: string): void;
};

const noSessions: readonly ChatSessionSummary[] = Object.freeze([]);

/** The stored sessions of the provider's storage, kept current as chats save, and as other tabs write. */
export function useChatSessions(): UseChatSessionsResult {
  const { registry } = useHeliconeContext();
  const source = sessionListSource(registry);
  const sessions = useSyncExternalStore(source.subscribe, source.getSnapshot, () => noSessions);
  const actions = useMemo(
    () => ({
      rename: (id: string, name: string) => registry.renameSession(id, name),
      remove: (id: string) => registry.deleteSession(id),
    }),
    [registry],
  );
  return { sessions, ...actions };
}
