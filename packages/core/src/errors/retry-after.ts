import { DECIMAL } from '../internal/decimal';
import { isRecord } from '../internal/is-record';
import type { createHeaderReader } from '../response/read-header';
import { parseHttpDate } from './parse-http-date';

// A protobuf Duration in JSON: "30s", "1.5s".
const DURATION = /^(\d+(?:\.\d+)?)s$/;

/** Longest wait reported: a day. A longer or absurd value (`Retry-After: 1e400`) is read as a day. */
export const MAX_RETRY_AFTER_MS = 86_400_000;

const clamped = (milliseconds: number): number => Math.min(Math.max(0, milliseconds), MAX_RETRY_AFTER_MS);

/**
 * A header's plain decimal number (`3`, `1.5`, spaces around it allowed) times `scale`, as whole milliseconds, at
 * most a day; `undefined` for a missing value (`null`, as `Headers.get` gives it, too) or any other form. The
 * route's error reader in the browser uses it alone.
 */
export const decimalWaitMs = (value: string | null | undefined, scale: number): number | undefined =>
  // Never negative: the pattern has no sign. `Number` ignores the spaces too.
  value != null && DECIMAL.test(value.trim())
    ? Math.min(Math.round(Number(value) * scale), MAX_RETRY_AFTER_MS)
    : undefined;

/**
 * Milliseconds to wait before retrying, from (in this order) `retry-after-ms`, `Retry-After` (seconds or an HTTP
 * date of RFC 9110 §5.6.7), `Helicone-RateLimit-Reset` (seconds), or a Google `RetryInfo` detail's `retryDelay`;
 * at most `MAX_RETRY_AFTER_MS`. A value in none of these forms is skipped.
 */
export function readRetryAfterMs(
  read: ReturnType<typeof createHeaderReader>,
  details: readonly unknown[],
  now: number,
): number | undefined {
  const retryAfter = read('retry-after');
  const fromHeaders = decimalWaitMs(read('retry-after-ms'), 1) ?? decimalWaitMs(retryAfter, 1000);
  if (fromHeaders !== undefined) return fromHeaders;
  const date = retryAfter === undefined ? undefined : parseHttpDate(retryAfter, now);
  if (date !== undefined) return clamped(date - now);

  const reset = decimalWaitMs(read('helicone-ratelimit-reset'), 1000);
  if (reset !== undefined) return reset;

  for (const detail of details) {
    if (!isRecord(detail)) continue;
    const type = detail['@type'];
    const delay = detail.retryDelay;
    if (typeof type === 'string' && type.endsWith('google.rpc.RetryInfo') && typeof delay === 'string') {
      const match = DURATION.exec(delay.trim());
      if (match) return decimalWaitMs(match[1], 1000);
    }
  }
  return undefined;
}
