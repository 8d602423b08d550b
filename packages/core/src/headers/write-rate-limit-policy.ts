import type { RateLimitPolicy } from './rate-limit-policy';

/**
 * A policy in the gateway's normalized form, without any check: `u` left out when it is `request`, `s` left out
 * when the limit is global (what the gateway echoes in its `Helicone-RateLimit-Policy` response header).
 */
export function writeRateLimitPolicy({ quota, windowSeconds, unit, segment }: RateLimitPolicy): string {
  let text = `${quota};w=${windowSeconds}`;
  if (unit === 'cents') text += ';u=cents';
  if (segment !== undefined) text += `;s=${segment}`;
  return text;
}
