import type { RateLimitPolicy } from './rate-limit-policy';

export type HeliconeCacheOptions = {
  /** Read and write the cache. Defaults to true, unless `save` or `read` is set. */
  enabled?: boolean;
  /** Write-only switch (`Helicone-Cache-Save`). */
  save?: boolean;
  /** Read-only switch (`Helicone-Cache-Read`). */
  read?: boolean;
  /** Seconds, 0 to 31536000, sent as `Cache-Control: max-age=N`. The gateway's default is 7 days. */
  maxAge?: number;
  /** Responses kept per cache key, 1 to 20 (gateway default 1). */
  bucketMaxSize?: number;
  /** A separate cache namespace, e.g. per user. */
  seed?: string;
  /** Top-level JSON body keys left out of the cache key. */
  ignoreKeys?: string[];
};

export type HeliconeRetryOptions = {
  /** Defaults to true when the object form is used. */
  enabled?: boolean;
  /** Number of retries (gateway default 5). */
  num?: number;
  /** Exponential backoff factor (gateway default 2). */
  factor?: number;
  /** Milliseconds (gateway default 1000). */
  minTimeout?: number;
  /** Milliseconds (gateway default 10000). */
  maxTimeout?: number;
};

export type TokenLimitExceptionHandler = 'truncate' | 'middle-out' | 'fallback';

/** Typed form of the `Helicone-*` request headers a kit user sets (HELICONE.md §2). */
export type HeliconeOptions = {
  /** `Helicone-Property-<Name>: <value>`. Names must be HTTP tokens; compared case-insensitively. */
  properties?: Record<string, string>;
  userId?: string;
  session?: { id?: string; path?: string; name?: string };
  /** Legacy prompt id header. */
  promptId?: string;
  /** A UUID; the gateway echoes it as `Helicone-Id` (and would silently replace anything else). */
  requestId?: string;
  cache?: boolean | HeliconeCacheOptions;
  retry?: boolean | HeliconeRetryOptions;
  /** Structured, or a string checked against the gateway's grammar. */
  rateLimitPolicy?: RateLimitPolicy | string;
  omitRequest?: boolean;
  omitResponse?: boolean;
  moderations?: boolean;
  /** `true`, or `{ advanced: true }` to add Llama Guard. */
  llmSecurity?: boolean | { advanced?: boolean };
  tokenLimitExceptionHandler?: TokenLimitExceptionHandler;
};

export const TOKEN_LIMIT_EXCEPTION_HANDLERS: readonly TokenLimitExceptionHandler[] = [
  'truncate',
  'middle-out',
  'fallback',
];
export const MAX_CACHE_MAX_AGE_SECONDS = 31_536_000;
export const MAX_CACHE_BUCKET_SIZE = 20;
/** Kit limits (the gateway documents none): retries per request, and retry timeouts (one day, in ms). */
export const MAX_RETRY_NUM = 1000;
export const MAX_RETRY_TIMEOUT_MS = 86_400_000;
