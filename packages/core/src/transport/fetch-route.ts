import { readRouteError } from '../errors/read-route-error';
import type { HttpTransportOptions } from './create-http-transport';

/** The URL of the route's `{api}/{path}`. */
export const routeUrl = (api: string, path: string) => `${api.replace(/\/+$/, '')}/${path}`;

/** The options' `headers` (a function is called per request), then `headers`. */
export async function routeHeaders(
  { headers: shared }: HttpTransportOptions,
  headers: Record<string, string> = {},
): Promise<Headers> {
  const all = new Headers(typeof shared === 'function' ? await shared() : shared);
  for (const [name, value] of Object.entries(headers)) all.set(name, value);
  return all;
}

/**
 * `fetch` for one call to the route's `{api}/{path}`: the options' `headers` (a function is called per request),
 * then `request.headers`, and `credentials` (default `same-origin`). A refusal (non-2xx) throws the route's error
 * (`readRouteError`: a `GatewayError`).
 */
export async function fetchRoute(
  options: HttpTransportOptions,
  path: string,
  request: RequestInit & { headers?: Record<string, string> } = {},
): Promise<Response> {
  const { api, fetch = globalThis.fetch, credentials = 'same-origin' } = options;
  const headers = await routeHeaders(options, request.headers);
  const response = await fetch(routeUrl(api, path), { ...request, headers, credentials });
  if (!response.ok) throw await readRouteError(response);
  return response;
}
