import { createHash } from 'node:crypto';

/** A saved answer: the JSON body, or the chunks of a stream (replayed as they were). */
export type CachedAnswer = {
  kind: 'json' | 'stream';
  body?: Record<string, unknown>;
  chunks?: unknown[];
  provider: string;
  model: string;
  /** The gateway mode of the original answer (`Helicone-Gateway-Mode`). */
  mode: 'BYOK' | 'PTB';
  /** How long the original answer took, in ms (`Helicone-Cache-Latency`). */
  latencyMs: number;
  promptTokens: number | null;
  completionTokens: number | null;
};

type Entry = { answer: CachedAnswer; expiresAt: number };

export type CacheKeyParts = {
  seed: string | undefined;
  path: string;
  body: Record<string, unknown>;
  ignoreKeys: readonly string[];
  /** The `helicone-cache*` headers, which the real key also covers. */
  cacheHeaders: Record<string, string>;
};

/** The key of one bucket slot: a hash of seed, path, body (minus ignored keys), cache headers and the slot. */
export function cacheKey(parts: CacheKeyParts, bucketIndex: number): string {
  const body = Object.fromEntries(
    Object.entries(parts.body).filter(([key]) => !parts.ignoreKeys.includes(key)),
  );
  return createHash('sha256')
    .update(JSON.stringify([parts.seed ?? '', parts.path, body, parts.cacheHeaders, bucketIndex]))
    .digest('hex');
}

/**
 * In-memory cache with expiry (Cloudflare KV on the real gateway); entries live until `expiresAt`. It keeps at
 * most `capacity` entries, dropping the oldest first, so a long-running dev server cannot grow without bound.
 */
export class CacheStore {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly capacity = 10_000) {}

  get(key: string, now = Date.now()): CachedAnswer | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.answer;
  }

  set(key: string, answer: CachedAnswer, ttlMs: number, now = Date.now()): void {
    this.entries.delete(key);
    this.entries.set(key, { answer, expiresAt: now + ttlMs });
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}
