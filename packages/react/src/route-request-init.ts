import type { HttpTransportOptions } from '@helicone-kit/core';

/** What every call to the route shares: the provider's `fetch`, `headers` (a function is called per request) and `credentials`. */
export type RouteRequestInit = Omit<HttpTransportOptions, 'api'>;
