// The four the chat's transport reads stand alone, so that a bundle with only those does not carry the table.
export const HELICONE_ID = 'Helicone-Id';
export const HELICONE_PROVIDER = 'Helicone-Provider';
export const HELICONE_MODEL = 'Helicone-Model';
export const HELICONE_CACHE = 'Helicone-Cache';

/** Names of the response headers of HELICONE.md §3.1. */
export const HELICONE_RESPONSE_HEADERS = {
  id: HELICONE_ID,
  status: 'Helicone-Status',
  gatewayMode: 'Helicone-Gateway-Mode',
  provider: HELICONE_PROVIDER,
  model: HELICONE_MODEL,
  cache: HELICONE_CACHE,
  cacheBucketIndex: 'Helicone-Cache-Bucket-Idx',
  cacheLatency: 'Helicone-Cache-Latency',
  fallbackIndex: 'Helicone-Fallback-Index',
  rateLimitLimit: 'Helicone-RateLimit-Limit',
  rateLimitRemaining: 'Helicone-RateLimit-Remaining',
  rateLimitPolicy: 'Helicone-RateLimit-Policy',
  rateLimitReset: 'Helicone-RateLimit-Reset',
} as const;
