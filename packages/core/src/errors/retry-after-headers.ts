/**
 * How the server route says when to retry: `retry-after-ms` (what `readRouteError` reads) and `Retry-After` in
 * whole seconds, rounded up (what other HTTP clients read). No headers when the wait is unknown.
 */
export function retryAfterHeaders(retryAfterMs: number | undefined): Record<string, string> {
  if (retryAfterMs === undefined) return {};
  return { 'retry-after-ms': String(retryAfterMs), 'retry-after': String(Math.ceil(retryAfterMs / 1000)) };
}
