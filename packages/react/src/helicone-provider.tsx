'use client';

import type { ChatStorage, HttpTransportOptions } from '@helicone-kit/core';
import { QueryClient, QueryClientContext } from '@tanstack/react-query';
import { useContext, useEffect, useState, type ReactNode } from 'react';
import { createContextValue, DEFAULT_API, defaultStorage, HeliconeContext } from './helicone-context';
import { listenToStorageEvents } from './listen-to-storage-events';

export type HeliconeProviderProps = {
  /** Where the route is mounted. Default `/api/helicone`. */
  api?: string;
  /** The react-query client for `useModels` and `useFeedback`. Default: the one of an enclosing `QueryClientProvider`, else a new one. */
  queryClient?: QueryClient;
  /**
   * Where sessions are kept: any `{ getItem, setItem, removeItem }`. Default `localStorage` in a browser; on the
   * server, and with `null`, sessions live in memory only.
   */
  storage?: ChatStorage | null;
  /** More headers for the route (your own auth); a function is called for every request. */
  headers?: HttpTransportOptions['headers'];
  /** Default `same-origin`. */
  credentials?: RequestCredentials;
  /** Default: the global `fetch`. */
  fetch?: typeof fetch;
  /** Storage problems that do not stop the chat. Default `console.warn`. */
  onWarning?: (message: string) => void;
  children?: ReactNode;
};

/**
 * Where the route is, the react-query client, and where sessions are kept, for every hook below it. The value is
 * made once: changing `api`, `storage` or the transport props later has no effect (remount with a `key` instead).
 */
export function HeliconeProvider(props: HeliconeProviderProps) {
  const outerQueryClient = useContext(QueryClientContext);
  const [value] = useState(() => {
    const { api = DEFAULT_API, queryClient, storage, onWarning, headers, credentials, fetch } = props;
    return createContextValue({
      api,
      queryClient: queryClient ?? outerQueryClient ?? new QueryClient(),
      storage: storage === null ? undefined : (storage ?? defaultStorage()),
      transport: { headers, credentials, fetch },
      onWarning,
    });
  });
  useEffect(() => listenToStorageEvents(value), [value]);
  return <HeliconeContext.Provider value={value}>{props.children}</HeliconeContext.Provider>;
}
