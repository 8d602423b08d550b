/**
 * Where a runtime adapter can hand the route a faster `fetch` for one request: the node adapter sets it to a
 * node:http client whose bodies it can pipe socket to socket. A `fetch` given in the options always wins.
 */
export const RUNTIME_FETCH = Symbol.for('helicone-kit.runtime-fetch');

/**
 * Where a runtime adapter that has read a request's body already (the node adapter, for small bodies) hands the
 * route the same bytes, so it need not read them back through the body stream. Used only while that stream is
 * untouched, so what the route reads is always what the request carries.
 */
export const RUNTIME_BODY = Symbol.for('helicone-kit.runtime-body');

export function runtimeBodyOf(request: Request): Uint8Array | undefined {
  const candidate = (request as Request & { [RUNTIME_BODY]?: unknown })[RUNTIME_BODY];
  return candidate instanceof Uint8Array && !request.bodyUsed ? candidate : undefined;
}

export function runtimeFetchOf(request: Request): typeof fetch | undefined {
  const candidate = (request as Request & { [RUNTIME_FETCH]?: unknown })[RUNTIME_FETCH];
  return typeof candidate === 'function' ? (candidate as typeof fetch) : undefined;
}
