import { DECIMAL } from '../internal/decimal';
import { isRecord } from '../internal/is-record';
import type { createHeaderReader } from '../response/read-header';

// A protobuf Duration in JSON: "30s", "1.5s".
const DURATION = /^(\d+(?:\.\d+)?)s$/;

/**
 * Milliseconds to wait before retrying, from (in this order) `retry-after-ms`, `Retry-After` (seconds or an HTTP
 * date), `Helicone-RateLimit-Reset` (seconds), or a Google `RetryInfo` detail's `retryDelay`.
 */
export function readRetryAfterMs(
  read: ReturnType<typeof createHeaderReader>,
  details: readonly unknown[],
  now: number,
): number | undefined {
  const milliseconds = read('retry-after-ms');
  if (milliseconds !== undefined && DECIMAL.test(milliseconds)) return Math.round(Number(milliseconds));

  const retryAfter = read('retry-after');
  if (retryAfter !== undefined) {
    if (DECIMAL.test(retryAfter)) return Math.round(Number(retryAfter) * 1000);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }

  const reset = read('helicone-ratelimit-reset');
  if (reset !== undefined && DECIMAL.test(reset)) return Math.round(Number(reset) * 1000);

  for (const detail of details) {
    if (!isRecord(detail)) continue;
    const type = detail['@type'];
    const delay = detail.retryDelay;
    if (typeof type === 'string' && type.endsWith('google.rpc.RetryInfo') && typeof delay === 'string') {
      const match = DURATION.exec(delay.trim());
      if (match) return Math.round(Number(match[1]) * 1000);
    }
  }
  return undefined;
}
