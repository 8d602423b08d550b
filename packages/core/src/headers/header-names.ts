/**
 * Canonical names of the request headers the kit writes (HELICONE.md §2), in the order of `HELICONE_FIELDS`, whose
 * `headerOf` gives them lower-cased (a test keeps the two equal). HTTP names are case-insensitive.
 */
export const HELICONE_REQUEST_HEADERS = {
  userId: 'Helicone-User-Id',
  sessionId: 'Helicone-Session-Id',
  sessionPath: 'Helicone-Session-Path',
  sessionName: 'Helicone-Session-Name',
  promptId: 'Helicone-Prompt-Id',
  requestId: 'Helicone-Request-Id',
  cacheEnabled: 'Helicone-Cache-Enabled',
  cacheSave: 'Helicone-Cache-Save',
  cacheRead: 'Helicone-Cache-Read',
  cacheControl: 'Cache-Control',
  cacheBucketMaxSize: 'Helicone-Cache-Bucket-Max-Size',
  cacheSeed: 'Helicone-Cache-Seed',
  cacheIgnoreKeys: 'Helicone-Cache-Ignore-Keys',
  retryEnabled: 'Helicone-Retry-Enabled',
  retryNum: 'Helicone-Retry-Num',
  retryFactor: 'Helicone-Retry-Factor',
  retryMinTimeout: 'Helicone-Retry-Min-Timeout',
  retryMaxTimeout: 'Helicone-Retry-Max-Timeout',
  rateLimitPolicy: 'Helicone-RateLimit-Policy',
  omitRequest: 'Helicone-Omit-Request',
  omitResponse: 'Helicone-Omit-Response',
  moderationsEnabled: 'Helicone-Moderations-Enabled',
  llmSecurityEnabled: 'Helicone-LLM-Security-Enabled',
  llmSecurityAdvanced: 'Helicone-LLM-Security-Advanced',
  tokenLimitExceptionHandler: 'Helicone-Token-Limit-Exception-Handler',
} as const;

/** `Helicone-Property-<Name>`: the rest of the header name is the property name. */
export const HELICONE_PROPERTY_PREFIX = 'Helicone-Property-';

/**
 * The canonical spelling of a header in `HELICONE_REQUEST_HEADERS`, or of the prefix of a property header (the
 * property name as given), in any casing; any other name as given.
 */
export function canonicalHeaderName(name: string): string {
  const lower = name.toLowerCase();
  if (lower.startsWith(HELICONE_PROPERTY_PREFIX.toLowerCase())) {
    return HELICONE_PROPERTY_PREFIX + name.slice(HELICONE_PROPERTY_PREFIX.length);
  }
  return Object.values(HELICONE_REQUEST_HEADERS).find((known) => known.toLowerCase() === lower) ?? name;
}

/**
 * True for any `Helicone-*` header name, in any casing, including ones the kit does not model
 * (`Helicone-Auth`, `Helicone-Target-URL`, ...). `Cache-Control` is not one, although it carries the cache max-age.
 */
export function isHeliconeHeaderName(name: string): boolean {
  return typeof name === 'string' && /^helicone-/i.test(name.trim());
}
