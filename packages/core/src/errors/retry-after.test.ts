import { describe, expect, it } from 'vitest';
import { createHeaderReader } from '../response/read-header';
import { MAX_RETRY_AFTER_MS, readRetryAfterMs } from './retry-after';

const now = Date.UTC(2026, 10, 27, 7, 0, 0); // Fri, 27 Nov 2026 07:00:00 GMT
const retryAfter = (headers: Record<string, string>, details: unknown[] = []) =>
  readRetryAfterMs(createHeaderReader(headers), details, now);

describe('readRetryAfterMs', () => {
  it('reads the three HTTP-date forms of RFC 9110 §5.6.7', () => {
    expect(retryAfter({ 'Retry-After': 'Fri, 27 Nov 2026 07:00:45 GMT' })).toBe(45_000);
    expect(retryAfter({ 'Retry-After': 'Friday, 27-Nov-26 07:01:00 GMT' })).toBe(60_000);
    expect(retryAfter({ 'Retry-After': 'Fri Nov 27 07:00:30 2026' })).toBe(30_000);
    expect(retryAfter({ 'Retry-After': 'Fri Nov  6 07:00:00 2026' })).toBe(0); // in the past
  });

  it('ignores dates that are not HTTP dates, even where Date.parse reads them', () => {
    for (const text of [
      '1.5.2',
      '2026-11-27T07:00:45Z',
      '27 Nov 2026 07:00:45',
      'Fri, 27 Nov 2026 07:00:45 +0100',
      'Fri, 31 Feb 2026 07:00:45 GMT',
      'Fri, 27 Nov 2026 25:00:45 GMT',
      'Fri, 27 Nov 2026 07:60:45 GMT',
      'Fri, 27 nov 2026 07:00:45 GMT',
      'Fri, 27 Now 2026 07:00:45 GMT',
      'Someday, 27 Nov 2026 07:00:45 GMT',
      'tomorrow',
    ]) {
      expect(retryAfter({ 'Retry-After': text }), text).toBeUndefined();
    }
    // A bad Retry-After leaves the next source to speak.
    expect(retryAfter({ 'Retry-After': '1.5.2', 'Helicone-RateLimit-Reset': '3' })).toBe(3000);
  });

  it('clamps every source to 24 hours', () => {
    expect(MAX_RETRY_AFTER_MS).toBe(86_400_000);
    expect(retryAfter({ 'retry-after-ms': '999999999999' })).toBe(86_400_000);
    expect(retryAfter({ 'Retry-After': '31536000' })).toBe(86_400_000);
    expect(retryAfter({ 'Retry-After': 'Sat, 01 Jan 2100 00:00:00 GMT' })).toBe(86_400_000);
    expect(retryAfter({ 'Helicone-RateLimit-Reset': `1${'0'.repeat(400)}` })).toBe(86_400_000);
    expect(
      retryAfter({}, [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '100000s' }]),
    ).toBe(86_400_000);
    expect(retryAfter({ 'Retry-After': '86399.5' })).toBe(86_399_500);
  });
});
