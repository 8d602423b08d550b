import type { HttpTransportOptions } from '@helicone-kit/core';

/** What every call to the route shares: the provider's `fetch`, `headers` (a function is called per request) and `credentials`. */
export type RouteRequestInit = Omit<HttpTransportOptions, 'api'>;

/** `fetch` for one call to the route, with the shared headers and credentials applied. */
export async function fetchRoute(
  init: RouteRequestInit,
  url: string,
  request: RequestInit,
): Promise<Response> {
  const shared = typeof init.headers === 'function' ? await init.headers() : init.headers;
  const headers = new Headers(shared);
  new Headers(request.headers).forEach((value, name) => headers.set(name, value));
  const fetchFunction = init.fetch ?? globalThis.fetch;
  return fetchFunction(url, { ...request, headers, credentials: init.credentials ?? 'same-origin' });
}
