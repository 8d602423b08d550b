import { HeaderValueError } from '../errors/header-value-error';
import { HELICONE_REQUEST_HEADERS } from './header-names';
import {
  RATE_LIMIT_MAX_WINDOW_SECONDS,
  RATE_LIMIT_MIN_WINDOW_SECONDS,
  type RateLimitPolicy,
} from './rate-limit-policy';

// The gateway's own regex (policyParser.ts), case-insensitive; the order of the parts is fixed.
const POLICY = /^(\d+);w=(\d+)(?:;u=(request|cents))?(?:;s=([\w-]+))?$/i;

function fail(reason: string): never {
  throw new HeaderValueError({
    field: 'rateLimitPolicy',
    header: HELICONE_REQUEST_HEADERS.rateLimitPolicy,
    reason,
  });
}

/**
 * Parses a rate-limit policy with the gateway's exact grammar. Keywords are case-insensitive; `u` defaults to
 * `request`; `s=user` in any casing is the per-user segment, any other segment is a property name kept as written.
 *
 * @throws HeaderValueError (field `rateLimitPolicy`) saying what is wrong. The real gateway would let a
 * malformed policy through without limiting, so the kit refuses it instead.
 */
export function parseRateLimitPolicy(text: string): RateLimitPolicy {
  if (typeof text !== 'string') fail('must be a string.');
  const match = POLICY.exec(text.trim());
  if (!match) fail('does not match <quota>;w=<seconds>[;u=request|cents][;s=user|<property>].');
  const [, quotaText = '', windowText = '', unit, segment] = match;
  const quota = Number(quotaText);
  if (!Number.isSafeInteger(quota) || quota <= 0) fail('the quota must be an integer greater than 0.');
  const windowSeconds = Number(windowText);
  if (windowSeconds < RATE_LIMIT_MIN_WINDOW_SECONDS || windowSeconds > RATE_LIMIT_MAX_WINDOW_SECONDS) {
    fail(`w must be from ${RATE_LIMIT_MIN_WINDOW_SECONDS} to ${RATE_LIMIT_MAX_WINDOW_SECONDS} seconds.`);
  }
  const policy: RateLimitPolicy = {
    quota,
    windowSeconds,
    unit: unit?.toLowerCase() === 'cents' ? 'cents' : 'request',
  };
  if (segment !== undefined) policy.segment = segment.toLowerCase() === 'user' ? 'user' : segment;
  return policy;
}
