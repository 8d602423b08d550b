import { formatRateLimitPolicy, type RateLimitPolicy } from '@helicone-kit/core';

type Usage = { at: number; amount: number };

export type RateLimitCheck =
  | { limited: false; headers: Record<string, string>; bucket?: undefined }
  | { limited: boolean; headers: Record<string, string>; bucket: string };

export type RateLimitSubject = { userId: string | null; properties: Record<string, string> };

/**
 * Sliding-window limits per `Helicone-RateLimit-Policy` (HELICONE.md §2.3): a bucket per policy and segment
 * (global, per user, or per value of a property), counting requests or US cents. Windows are scaled by
 * `timeScale`; the `Reset` header still reports real seconds.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Usage[]>();

  constructor(
    private readonly timeScale: number,
    private readonly warn: (message: string) => void,
  ) {}

  private segmentValue(policy: RateLimitPolicy, subject: RateLimitSubject): string | undefined {
    if (policy.segment === undefined) return '';
    if (policy.segment === 'user') return subject.userId ?? undefined;
    const wanted = policy.segment.toLowerCase();
    const entry = Object.entries(subject.properties).find(([name]) => name.toLowerCase() === wanted);
    return entry?.[1];
  }

  private usage(bucket: string, windowMs: number, now: number): Usage[] {
    const kept = (this.buckets.get(bucket) ?? []).filter((entry) => entry.at > now - windowMs);
    this.buckets.set(bucket, kept);
    return kept;
  }

  private headers(policy: RateLimitPolicy, used: number, usage: Usage[], windowMs: number, now: number) {
    const headers: Record<string, string> = {
      'helicone-ratelimit-limit': String(policy.quota),
      'helicone-ratelimit-remaining': String(Math.max(0, Math.floor(policy.quota - used))),
      'helicone-ratelimit-policy': formatRateLimitPolicy(policy),
    };
    const oldest = usage[0];
    if (oldest !== undefined) {
      const reset = Math.ceil((oldest.at + windowMs - now) / this.timeScale / 1000);
      if (reset > 0) headers['helicone-ratelimit-reset'] = String(reset);
    }
    return headers;
  }

  /**
   * Checks a request before it runs. A request unit is counted at once; cents are checked here (limited once
   * the spend reached the quota) and added after the call with `addCost`.
   */
  check(policy: RateLimitPolicy, subject: RateLimitSubject, now = Date.now()): RateLimitCheck {
    const segment = this.segmentValue(policy, subject);
    if (segment === undefined) {
      const needed =
        policy.segment === 'user' ? 'Helicone-User-Id' : `Helicone-Property-${policy.segment ?? ''}`;
      this.warn(`Rate-limit policy segment needs ${needed}; the request is not rate limited.`);
      return { limited: false, headers: {} };
    }
    const bucket = JSON.stringify([formatRateLimitPolicy(policy), segment]);
    const windowMs = policy.windowSeconds * 1000 * this.timeScale;
    const usage = this.usage(bucket, windowMs, now);
    const used = usage.reduce((sum, entry) => sum + entry.amount, 0);
    if (used >= policy.quota || (policy.unit === 'request' && used + 1 > policy.quota)) {
      return { limited: true, headers: this.headers(policy, used, usage, windowMs, now), bucket };
    }
    if (policy.unit === 'request') usage.push({ at: now, amount: 1 });
    const after = policy.unit === 'request' ? used + 1 : used;
    return { limited: false, headers: this.headers(policy, after, usage, windowMs, now), bucket };
  }

  /** Adds the spend of a finished call to a cents bucket. */
  addCost(bucket: string, cents: number, now = Date.now()): void {
    if (!(cents > 0)) return;
    const usage = this.buckets.get(bucket) ?? [];
    usage.push({ at: now, amount: cents });
    this.buckets.set(bucket, usage);
  }
}
