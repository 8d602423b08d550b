import { DECIMAL } from '../internal/decimal';
import { parseRateLimitPolicy } from '../headers/parse-rate-limit-policy';
import type { RateLimitPolicy } from '../headers/rate-limit-policy';
import { readAnswerInfo, type HeliconeAnswerInfo } from './read-answer-info';
import { createHeaderReader, type HeadersInput } from './read-header';
import { HELICONE_RESPONSE_HEADERS } from './response-header-names';

export { HELICONE_RESPONSE_HEADERS } from './response-header-names';

/**
 * Every Helicone response header (HELICONE.md §3.1). `readHeliconeResponse` sets every field, `undefined` when its
 * header is missing; the fields past `HeliconeAnswerInfo` are optional so that the chat's transport, which reads
 * only those, gives a `HeliconeResponseInfo` too.
 */
export type HeliconeResponseInfo = HeliconeAnswerInfo & {
  /** `Helicone-Status`. */
  status?: 'success' | 'failed' | undefined;
  /** `Helicone-Gateway-Mode`: your own provider keys, or Helicone credits (pass-through billing). */
  gatewayMode?: 'BYOK' | 'PTB' | undefined;
  /** `Helicone-Fallback-Index` (legacy proxy fallbacks). */
  fallbackIndex?: number | undefined;
  /** Undefined when the response has no cache header at all. */
  cache:
    | {
        status: 'HIT' | 'MISS' | undefined;
        bucketIndex?: number | undefined;
        /** Milliseconds the original (cached) response took. */
        latencyMs?: number | undefined;
      }
    | undefined;
  /** Undefined when the response has no rate-limit header at all. */
  rateLimit?:
    | {
        limit: number | undefined;
        remaining: number | undefined;
        policy: RateLimitPolicy | undefined;
        resetSeconds: number | undefined;
      }
    | undefined;
};

/** `value` if it is one of `allowed`, in any casing, written as `allowed` has it. */
export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  const upper = value?.toUpperCase();
  return allowed.find((candidate) => candidate.toUpperCase() === upper);
}

function toNumber(value: string | undefined): number | undefined {
  if (value === undefined || !DECIMAL.test(value)) return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}

function toInteger(value: string | undefined): number | undefined {
  const number = toNumber(value);
  return number !== undefined && Number.isSafeInteger(number) ? number : undefined;
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
  const answer = readAnswerInfo(read);
  const [bucketIndex, latency] = [R.cacheBucketIndex, R.cacheLatency].map(read);
  const rateLimitHeaders = [R.rateLimitLimit, R.rateLimitRemaining, R.rateLimitPolicy, R.rateLimitReset].map(
    read,
  );
  return {
    ...answer,
    status: oneOf(read(R.status), ['success', 'failed'] as const),
    gatewayMode: oneOf(read(R.gatewayMode), ['BYOK', 'PTB'] as const),
    fallbackIndex: toInteger(read(R.fallbackIndex)),
    cache:
      answer.cache === undefined && bucketIndex === undefined && latency === undefined
        ? undefined
        : {
            status: answer.cache?.status,
            bucketIndex: toInteger(bucketIndex),
            latencyMs: toNumber(latency),
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
