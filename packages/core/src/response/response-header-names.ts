/** Names of the response headers of HELICONE.md §3.1. */
export const HELICONE_RESPONSE_HEADERS = {
  id: 'Helicone-Id',
  status: 'Helicone-Status',
  gatewayMode: 'Helicone-Gateway-Mode',
  provider: 'Helicone-Provider',
  model: 'Helicone-Model',
  cache: 'Helicone-Cache',
  cacheBucketIndex: 'Helicone-Cache-Bucket-Idx',
  cacheLatency: 'Helicone-Cache-Latency',
  fallbackIndex: 'Helicone-Fallback-Index',
  rateLimitLimit: 'Helicone-RateLimit-Limit',
  rateLimitRemaining: 'Helicone-RateLimit-Remaining',
  rateLimitPolicy: 'Helicone-RateLimit-Policy',
  rateLimitReset: 'Helicone-RateLimit-Reset',
} as const;
