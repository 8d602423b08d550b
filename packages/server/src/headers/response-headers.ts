import { applyCorsHeaders } from '../cors/cors-headers';
import type { Redact } from '../secrets/redactor';

/**
 * Upstream headers the browser gets. An allow-list: nothing else (cookies, hop-by-hop, `Content-Encoding` that
 * fetch already decoded, `Content-Length` of a re-framed body, provider internals) is copied.
 */
const FORWARDED_RESPONSE_HEADERS = [
  'content-type',
  'helicone-id',
  'helicone-status',
  'helicone-cache',
  'helicone-cache-bucket-idx',
  'helicone-cache-latency',
  'helicone-provider',
  'helicone-model',
  'helicone-gateway-mode',
  'helicone-fallback-index',
  'helicone-ratelimit-limit',
  'helicone-ratelimit-remaining',
  'helicone-ratelimit-policy',
  'helicone-ratelimit-reset',
  'retry-after',
  'x-request-id',
] as const;

export type ResponseHeaderContext = {
  requestId: string;
  corsOrigin: string | undefined;
  redact: Redact;
};

/**
 * The headers of the route's answer: the upstream's allowed headers, no caching, no proxy buffering, CORS. A value
 * that holds a secret (an upstream echoing the key it was sent) is dropped, not passed on redacted: a half header
 * is worse than none.
 */
export function buildResponseHeaders(upstream: Headers, context: ResponseHeaderContext): Headers {
  const { redact } = context;
  const headers = new Headers();
  for (const name of FORWARDED_RESPONSE_HEADERS) {
    const value = upstream.get(name);
    if (value !== null && redact(value) === value) headers.set(name, value);
  }
  // The gateway echoes the request id as Helicone-Id; say it ourselves when an upstream (a legacy proxy) does not.
  if (!headers.has('helicone-id')) headers.set('Helicone-Id', context.requestId);
  headers.set('Cache-Control', 'no-store');
  // nginx and similar proxies hold streamed bodies back unless told not to.
  headers.set('X-Accel-Buffering', 'no');
  applyCorsHeaders(headers, context.corsOrigin);
  return headers;
}
