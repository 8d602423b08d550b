/**
 * A Helicone rate-limit policy, `<quota>;w=<seconds>[;u=request|cents][;s=user|<property>]` (HELICONE.md §2.3).
 */
export type RateLimitPolicy = {
  /** Requests (or US cents with `unit: 'cents'`) allowed per window; an integer > 0. */
  quota: number;
  /** Window length in seconds, 60 to 31536000. */
  windowSeconds: number;
  /** What the quota counts: requests, or spend in US cents. */
  unit: 'request' | 'cents';
  /** Left out: one limit for the whole organisation. `'user'`: per `Helicone-User-Id`. Any other name: per value of that property. */
  segment?: string;
};

export const RATE_LIMIT_MIN_WINDOW_SECONDS = 60;
export const RATE_LIMIT_MAX_WINDOW_SECONDS = 31_536_000;
