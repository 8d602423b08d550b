import { HeaderValueError } from '../errors/header-value-error';
import { isRecord } from '../internal/is-record';
import { HELICONE_REQUEST_HEADERS } from './header-names';
import {
  RATE_LIMIT_MAX_WINDOW_SECONDS,
  RATE_LIMIT_MIN_WINDOW_SECONDS,
  type RateLimitPolicy,
} from './rate-limit-policy';
import { writeRateLimitPolicy } from './write-rate-limit-policy';

const SEGMENT = /^[\w-]+$/;

function fail(field: string, reason: string): never {
  throw new HeaderValueError({
    field: field === '' ? 'rateLimitPolicy' : `rateLimitPolicy.${field}`,
    header: HELICONE_REQUEST_HEADERS.rateLimitPolicy,
    reason,
  });
}

/**
 * Checks a policy and writes it in the gateway's normalized form (`writeRateLimitPolicy`).
 *
 * @throws HeaderValueError naming the part that is out of range.
 */
export function formatRateLimitPolicy(policy: RateLimitPolicy): string {
  if (!isRecord(policy)) fail('', 'must be an object or a policy string.');
  const { quota, windowSeconds, unit, segment } = policy;
  if (!Number.isSafeInteger(quota) || quota <= 0) fail('quota', 'must be an integer greater than 0.');
  if (
    !Number.isSafeInteger(windowSeconds) ||
    windowSeconds < RATE_LIMIT_MIN_WINDOW_SECONDS ||
    windowSeconds > RATE_LIMIT_MAX_WINDOW_SECONDS
  ) {
    fail(
      'windowSeconds',
      `must be an integer from ${RATE_LIMIT_MIN_WINDOW_SECONDS} to ${RATE_LIMIT_MAX_WINDOW_SECONDS}.`,
    );
  }
  if (unit !== 'request' && unit !== 'cents') fail('unit', "must be 'request' or 'cents'.");
  if (segment !== undefined && (typeof segment !== 'string' || !SEGMENT.test(segment))) {
    fail('segment', "must be 'user' or a property name of letters, digits, '_' and '-'.");
  }
  return writeRateLimitPolicy(policy);
}
