import { readRouteError, type HttpTransportOptions } from '@helicone-kit/core';

/** What every call to the route shares: the provider's `fetch`, `headers` (a function is called per request) and `credentials`. */
export type RouteRequestInit = Omit<HttpTransportOptions, 'api'>;

/**
 * `fetch` for one call to the route's `{api}/{path}`, with the shared headers and credentials applied (as the chat
 * transport does). A refusal throws the route's error (`readRouteError`: a `GatewayError`).
 */
export async function fetchRoute(
  init: RouteRequestInit,
  api: string,
  path: string,
  request: RequestInit & { headers?: Record<string, string> },
): Promise<Response> {
  const headers = new Headers(typeof init.headers === 'function' ? await init.headers() : init.headers);
  for (const [name, value] of Object.entries(request.headers ?? {})) headers.set(name, value);
  const response = await (init.fetch ?? globalThis.fetch)(`${api.replace(/\/+$/, '')}/${path}`, {
    ...request,
    headers,
    credentials: init.credentials ?? 'same-origin',
  });
  if (!response.ok) throw await readRouteError(response);
  return response;
}
