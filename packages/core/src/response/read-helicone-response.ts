import { DECIMAL } from '../internal/decimal';
import { parseRateLimitPolicy } from '../headers/parse-rate-limit-policy';
import type { RateLimitPolicy } from '../headers/rate-limit-policy';
import { createHeaderReader, type HeadersInput } from './read-header';

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

export type HeliconeResponseInfo = {
  /** `Helicone-Id`: the request's UUID, for feedback and scores. */
  requestId: string | undefined;
  /** `Helicone-Status`. */
  status: 'success' | 'failed' | undefined;
  /** `Helicone-Provider`, e.g. `anthropic`. */
  provider: string | undefined;
  /** `Helicone-Model`: the provider's model id actually used. */
  model: string | undefined;
  /** `Helicone-Gateway-Mode`: your own provider keys, or Helicone credits (pass-through billing). */
  gatewayMode: 'BYOK' | 'PTB' | undefined;
  /** `Helicone-Fallback-Index` (legacy proxy fallbacks). */
  fallbackIndex: number | undefined;
  /** Undefined when the response has no cache header at all. */
  cache:
    | {
        status: 'HIT' | 'MISS' | undefined;
        bucketIndex: number | undefined;
        /** Milliseconds the original (cached) response took. */
        latencyMs: number | undefined;
      }
    | undefined;
  /** Undefined when the response has no rate-limit header at all. */
  rateLimit:
    | {
        limit: number | undefined;
        remaining: number | undefined;
        policy: RateLimitPolicy | undefined;
        resetSeconds: number | undefined;
      }
    | undefined;
};

function toNumber(value: string | undefined): number | undefined {
  if (value === undefined || !DECIMAL.test(value)) return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}

function toInteger(value: string | undefined): number | undefined {
  const number = toNumber(value);
  return number !== undefined && Number.isSafeInteger(number) ? number : undefined;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  const upper = value?.toUpperCase();
  return allowed.find((candidate) => candidate.toUpperCase() === upper);
}

function toPolicy(value: string | undefined): RateLimitPolicy | undefined {
  if (value === undefined) return undefined;
  try {
    return parseRateLimitPolicy(value);
  } catch {
    return undefined;
  }
}

/**
 * Reads the Helicone response headers (HELICONE.md §3.1). A missing header, or one with a value that is not what
 * the gateway sends (a number that is not a plain non-negative number, an unknown mode), gives `undefined`.
 */
export function readHeliconeResponse(headers: HeadersInput): HeliconeResponseInfo {
  const read = createHeaderReader(headers);
  const R = HELICONE_RESPONSE_HEADERS;
  const cacheHeaders = [R.cache, R.cacheBucketIndex, R.cacheLatency].map(read);
  const rateLimitHeaders = [R.rateLimitLimit, R.rateLimitRemaining, R.rateLimitPolicy, R.rateLimitReset].map(
    read,
  );
  return {
    requestId: read(R.id),
    status: oneOf(read(R.status), ['success', 'failed'] as const),
    provider: read(R.provider),
    model: read(R.model),
    gatewayMode: oneOf(read(R.gatewayMode), ['BYOK', 'PTB'] as const),
    fallbackIndex: toInteger(read(R.fallbackIndex)),
    cache: cacheHeaders.every((value) => value === undefined)
      ? undefined
      : {
          status: oneOf(cacheHeaders[0], ['HIT', 'MISS'] as const),
          bucketIndex: toInteger(cacheHeaders[1]),
          latencyMs: toNumber(cacheHeaders[2]),
        },
    rateLimit: rateLimitHeaders.every((value) => value === undefined)
      ? undefined
      : {
          limit: toNumber(rateLimitHeaders[0]),
          remaining: toNumber(rateLimitHeaders[1]),
          policy: toPolicy(rateLimitHeaders[2]),
          resetSeconds: toNumber(rateLimitHeaders[3]),
        },
  };
}
