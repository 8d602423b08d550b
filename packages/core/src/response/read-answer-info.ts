/** What the chat records of an answer's response headers; `readHeliconeResponse` reads the rest too. */
export type HeliconeAnswerInfo = {
  /** `Helicone-Id`: the request's UUID, for feedback and scores. */
  requestId: string | undefined;
  /** `Helicone-Provider`, e.g. `anthropic`. */
  provider: string | undefined;
  /** `Helicone-Model`: the provider's model id actually used. */
  model: string | undefined;
  /** Undefined when the response has no cache header at all. */
  cache: { status: 'HIT' | 'MISS' | undefined; bucketIndex?: number; latencyMs?: number } | undefined;
};

/** A header's value by name, any casing; `undefined` when missing or empty. */
export type ReadHeader = (name: string) => string | undefined;

/**
 * The request id, provider, model and cache status of a response: all the chat's HTTP transport reads, with a
 * `Headers`' own `get` (`(name) => headers.get(name) || undefined`). The names are written lower-case, as the other
 * header names of a browser bundle are (they compress together); `read` takes any casing.
 */
export function readAnswerInfo(read: ReadHeader): HeliconeAnswerInfo {
  const cache = read('helicone-cache')?.toUpperCase();
  return {
    requestId: read('helicone-id'),
    provider: read('helicone-provider'),
    model: read('helicone-model'),
    cache: cache ? { status: cache === 'HIT' || cache === 'MISS' ? cache : undefined } : undefined,
  };
}
