import type { HeliconeRetryOptions } from '@helicone-kit/core';

/** The gateway's defaults (HELICONE.md §2.3, `getRetryHeaders`). */
export const retryDefaults = { num: 5, factor: 2, minTimeout: 1000, maxTimeout: 10_000 };

/**
 * The waits before each retry, in ms, as Helicone's backoff schedules them (no randomisation):
 * `min`, `min·factor`, `min·factor²`, ... each capped at `max`, one per retry. Empty when retries are off.
 */
export function retryDelays(retry: boolean | HeliconeRetryOptions | undefined): number[] {
  if (retry === undefined || retry === false) return [];
  const options = retry === true ? {} : retry;
  if (options.enabled === false) return [];
  const num = options.num ?? retryDefaults.num;
  const factor = options.factor ?? retryDefaults.factor;
  const minTimeout = options.minTimeout ?? retryDefaults.minTimeout;
  const maxTimeout = options.maxTimeout ?? retryDefaults.maxTimeout;
  return Array.from({ length: num }, (_, attempt) => Math.min(minTimeout * factor ** attempt, maxTimeout));
}

/** Helicone retries rate limits and server errors (and, here, provider timeouts). */
export function isRetryable(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}
