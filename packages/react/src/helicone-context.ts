import { createChatSessionRegistry, type ChatSessionRegistry, type ChatStorage } from '@helicone-kit/core';
import { QueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { defaultStorage } from './default-storage';
import { listenToStorageEvents } from './listen-to-storage-events';
import type { RouteRequestInit } from './route-request-init';
import { createSessionListSource, type SessionListSource } from './session-list-source';

export const DEFAULT_API = '/api/helicone';

/** What `<HeliconeProvider>` shares with the hooks below it. */
export type HeliconeContextValue = {
  /** The route, e.g. `/api/helicone`. */
  readonly api: string;
  readonly queryClient: QueryClient;
  /** Live sessions by id: two chats with one session id share one conversation. */
  readonly registry: ChatSessionRegistry;
  /** `undefined`: sessions are kept in memory only. */
  readonly storage: ChatStorage | undefined;
  readonly sessions: SessionListSource;
  /** The provider's `fetch`, `headers` and `credentials`, for every call to the route. */
  readonly transport: RouteRequestInit;
  readonly onWarning: ((message: string) => void) | undefined;
};

export const HeliconeContext = createContext<HeliconeContextValue | null>(null);

export function createContextValue(
  init: Omit<HeliconeContextValue, 'registry' | 'sessions'>,
): HeliconeContextValue {
  const registry = createChatSessionRegistry({
    ...(init.storage ? { storage: init.storage } : {}),
    ...(init.onWarning ? { onWarning: init.onWarning } : {}),
  });
  return { ...init, registry, sessions: createSessionListSource(registry) };
}

let browserDefault: HeliconeContextValue | undefined;

/**
 * Without a provider: one shared value per page in a browser (made on first use, never at import), and a fresh
 * in-memory one per call on the server, so requests never share sessions.
 */
function defaultContextValue(): HeliconeContextValue {
  if (typeof window === 'undefined') {
    return createContextValue({
      api: DEFAULT_API,
      queryClient: new QueryClient(),
      storage: undefined,
      transport: {},
      onWarning: undefined,
    });
  }
  if (!browserDefault) {
    browserDefault = createContextValue({
      api: DEFAULT_API,
      queryClient: new QueryClient(),
      storage: defaultStorage(),
      transport: {},
      onWarning: undefined,
    });
    listenToStorageEvents(browserDefault);
  }
  return browserDefault;
}

export function useHeliconeContext(): HeliconeContextValue {
  return useContext(HeliconeContext) ?? defaultContextValue();
}
