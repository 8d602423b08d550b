import type { IncomingHttpHeaders } from 'node:http';
import {
  fromHeliconeMetadata,
  HeaderValueError,
  parseRateLimitPolicy,
  type HeliconeOptions,
  type RateLimitPolicy,
} from '@helicone-kit/core';

export type GatewayRequestOptions = {
  options: HeliconeOptions;
  /** Undefined when absent, or malformed (the real gateway then lets the request through unlimited). */
  rateLimitPolicy: RateLimitPolicy | undefined;
  /** A `Helicone-Cache-Bucket-Max-Size` above 20: the real gateway fails the request. */
  bucketTooLarge: boolean;
};

const policyHeader = 'helicone-ratelimit-policy';
/**
 * The LiteLLM docs' spelling (HELICONE.md §8): the real gateway reads no such header, so a request that sends
 * only this one is not rate limited. Core's `fromHeliconeMetadata` maps it to the real name, so it is taken out
 * before core reads the headers.
 */
const misspeltPolicyHeader = 'helicone-rate-limit-policy';

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The property header whose name core refuses: its error names it `Helicone-Property-<name>`, never by the
 * (possibly hostile) name itself, so each property name is checked alone.
 */
function refusedPropertyKey(record: Record<string, string>): string | undefined {
  return Object.keys(record).find((name) => {
    if (!name.startsWith('helicone-property-')) return false;
    try {
      fromHeliconeMetadata({ [name]: 'x' });
      return false;
    } catch {
      return true;
    }
  });
}

/**
 * The `Helicone-*` options of a request, read with core's `fromHeliconeMetadata`, but as leniently as the real
 * gateway: the request id is checked apart (and replaced when invalid), a malformed rate-limit policy fails
 * open with a warning, and any other malformed header is ignored (it would be on the real gateway too) with a
 * warning that names the header, never its value.
 */
export function readHeliconeOptions(
  headers: IncomingHttpHeaders,
  warn: (message: string) => void,
  warnOnce: (message: string) => void = warn,
): GatewayRequestOptions {
  const record: Record<string, string> = {};
  let policyText: string | undefined;
  for (const [name, value] of Object.entries(headers)) {
    const text = single(value);
    if (text === undefined || name === 'helicone-request-id') continue;
    if (name === policyHeader) policyText = text;
    else if (name === misspeltPolicyHeader) {
      warnOnce(
        'Ignored header Helicone-Rate-Limit-Policy: the real gateway reads only Helicone-RateLimit-Policy, so the request is not rate limited.',
      );
    } else record[name] = text;
  }
  const bucket = record['helicone-cache-bucket-max-size'];
  const bucketAbove20 = bucket !== undefined && /^\d+$/.test(bucket.trim()) && Number(bucket) > 20;
  let options: HeliconeOptions = {};
  for (let round = 0; round < 64; round++) {
    try {
      options = fromHeliconeMetadata(record);
      break;
    } catch (error) {
      if (!HeaderValueError.isInstance(error)) throw error;
      const header = error.header?.toLowerCase();
      const key = Object.keys(record).find((name) => name === header) ?? refusedPropertyKey(record);
      if (key === undefined) {
        warn(`Ignored the Helicone headers of this request: ${error.message}`);
        break;
      }
      if (!(key === 'helicone-cache-bucket-max-size' && bucketAbove20)) {
        warn(`Ignored header ${error.header}: ${error.reason}`);
      }
      delete record[key];
    }
  }
  let rateLimitPolicy: RateLimitPolicy | undefined;
  if (policyText !== undefined && policyText.trim() !== '') {
    try {
      rateLimitPolicy = parseRateLimitPolicy(policyText);
    } catch (error) {
      const reason = HeaderValueError.isInstance(error) ? error.reason : 'malformed';
      warn(
        `Invalid Helicone-RateLimit-Policy (${reason}); the request is not rate limited, as on the real gateway.`,
      );
    }
  }
  // Only a request that uses the cache reads the bucket size, so only such a request fails on it.
  return { options, rateLimitPolicy, bucketTooLarge: bucketAbove20 && options.cache !== undefined };
}
