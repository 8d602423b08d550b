import { createChatSessionRegistry, type ChatSessionRegistry, type ChatStorage } from '@helicone-kit/core';
import { QueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
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
  readonly onWarning?: (message: string) => void;
};

export const HeliconeContext = createContext<HeliconeContextValue | null>(null);

/**
 * `localStorage` in a browser; `undefined` on the server, in workers, or where the browser refuses access (a
 * sandboxed iframe, storage disabled): sessions then live in memory.
 */
export function defaultStorage(): ChatStorage | undefined {
  if (typeof window === 'undefined') return undefined;
  try {
    return localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** A context value from its parts: the registry keeps sessions in `storage` and warns through `onWarning`. */
export const createContextValue = (parts: Omit<HeliconeContextValue, 'registry'>): HeliconeContextValue => ({
  ...parts,
  registry: createChatSessionRegistry(parts),
});

let browserDefault: HeliconeContextValue | undefined;

/**
 * Without a provider: the default route, a query client of its own, and sessions in `localStorage`; one shared
 * value per page in a browser (made on first use, never at import), and a fresh in-memory one per call on the
 * server, so requests never share sessions.
 */
function defaultContextValue(): HeliconeContextValue {
  const make = () =>
    createContextValue({
      api: DEFAULT_API,
      queryClient: new QueryClient(),
      storage: defaultStorage(),
      transport: {},
    });
  if (typeof window === 'undefined') return make();
  if (!browserDefault) {
    const { storage, registry } = (browserDefault = make());
    // For the page's life, another tab's writes to this localStorage reach the live sessions and session lists
    // (a provider listens while mounted, and to the storage it was given: `listenToStorageEvents`).
    addEventListener('storage', (event) => {
      if (event.storageArea === storage) registry.applyStorageEvent(event);
    });
  }
  return browserDefault;
}

export function useHeliconeContext(): HeliconeContextValue {
  return useContext(HeliconeContext) ?? defaultContextValue();
}
