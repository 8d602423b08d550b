import { createChatSessionRegistry, type ChatSessionRegistry, type ChatStorage } from '@helicone-kit/core';
import { QueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import type { HeliconeProviderProps } from './helicone-provider';
import { listenToStorageEvents } from './listen-to-storage-events';
import type { RouteRequestInit } from './route-request-init';

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
  /** The provider's `fetch`, `headers` and `credentials`, for every call to the route. */
  readonly transport: RouteRequestInit;
  readonly onWarning: ((message: string) => void) | undefined;
};

export const HeliconeContext = createContext<HeliconeContextValue | null>(null);

/** The provider's props with their defaults applied; `outerQueryClient`: an enclosing `QueryClientProvider`'s. */
export function createContextValue(
  { api = DEFAULT_API, queryClient, storage, onWarning, headers, credentials, fetch }: HeliconeProviderProps,
  outerQueryClient?: QueryClient,
): HeliconeContextValue {
  let kept = storage ?? undefined;
  // `localStorage` in a browser; not on the server, nor where the browser refuses access (a sandboxed iframe,
  // storage disabled): sessions then live in memory.
  if (storage === undefined && typeof window === 'object') {
    try {
      kept = localStorage ?? undefined;
    } catch {
      // Refused: memory only.
    }
  }
  return {
    api,
    queryClient: queryClient ?? outerQueryClient ?? new QueryClient(),
    registry: createChatSessionRegistry({ storage: kept, onWarning }),
    storage: kept,
    transport: { headers, credentials, fetch },
    onWarning,
  };
}

let browserDefault: HeliconeContextValue | undefined;

/**
 * Without a provider: one shared value per page in a browser (made on first use, never at import), and a fresh
 * in-memory one per call on the server, so requests never share sessions.
 */
function defaultContextValue(): HeliconeContextValue {
  if (typeof window === 'undefined') return createContextValue({});
  if (!browserDefault) listenToStorageEvents((browserDefault = createContextValue({})));
  return browserDefault;
}

export function useHeliconeContext(): HeliconeContextValue {
  return useContext(HeliconeContext) ?? defaultContextValue();
}
