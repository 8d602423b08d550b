import type { ChatStorage } from '@helicone-kit/core';

/**
 * `localStorage` in a browser; `undefined` on the server, in workers, or where the browser refuses access (a
 * sandboxed iframe, storage disabled): sessions then live in memory.
 */
export function defaultStorage(): ChatStorage | undefined {
  if (typeof window === 'undefined') return undefined;
  try {
    return window.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}
