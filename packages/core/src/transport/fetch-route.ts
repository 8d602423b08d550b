import { readRouteError } from '../errors/read-route-error';
import type { HttpTransportOptions } from './create-http-transport';

/**
 * `fetch` for one call to the route's `{api}/{path}`: the options' `headers` (a function is called per request),
 * then `request.headers`, and `credentials` (default `same-origin`). A refusal (non-2xx) throws the route's error
 * (`readRouteError`: a `GatewayError`).
 */
export async function fetchRoute(
  { api, fetch = globalThis.fetch, headers: shared, credentials = 'same-origin' }: HttpTransportOptions,
  path: string,
  request: RequestInit & { headers?: Record<string, string> } = {},
): Promise<Response> {
  const headers = new Headers(typeof shared === 'function' ? await shared() : shared);
  for (const [name, value] of Object.entries(request.headers ?? {})) headers.set(name, value);
  const response = await fetch(`${api.replace(/\/+$/, '')}/${path}`, { ...request, headers, credentials });
  if (!response.ok) throw await readRouteError(response);
  return response;
}
