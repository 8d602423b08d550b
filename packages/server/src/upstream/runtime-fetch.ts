/**
 * Where a runtime adapter can hand the route a faster `fetch` for one request: the node adapter sets it to a
 * node:http client whose bodies it can pipe socket to socket. A `fetch` given in the options always wins.
 */
export const RUNTIME_FETCH = Symbol.for('helicone-kit.runtime-fetch');

export function runtimeFetchOf(request: Request): typeof fetch | undefined {
  const candidate = (request as Request & { [RUNTIME_FETCH]?: unknown })[RUNTIME_FETCH];
  return typeof candidate === 'function' ? (candidate as typeof fetch) : undefined;
}
