import type { HeliconeCacheOptions, HeliconeOptions } from '@helicone-kit/core';
import { type CacheKeyParts, type CachedAnswer, type CacheStore, cacheKey } from './cache-store';

/** Default max-age: 7 days (HELICONE.md §2.2). */
export const defaultCacheSeconds = 604_800;

export type CacheLookup =
  | { read: false; write: false }
  | {
      read: boolean;
      write: boolean;
      /** Set on a hit: a random entry of a full bucket. */
      hit?: { answer: CachedAnswer; bucketIndex: number };
      /** On a miss, the slot the new answer goes into (also the generator's variant, so slots differ). */
      freeIndex: number;
      keys: string[];
      ttlMs: number;
    };

function settings(cache: HeliconeOptions['cache']): HeliconeCacheOptions | undefined {
  if (cache === undefined || cache === false) return undefined;
  return cache === true ? { enabled: true } : cache;
}

/**
 * Looks a request up in the cache per `Helicone-Cache-*` (enabled = read and write; save = write only; read =
 * read only). A bucket of size N is N slots; only a full bucket is a hit, which returns one slot at random.
 */
export function lookUpCache(
  store: CacheStore,
  options: HeliconeOptions,
  parts: Omit<CacheKeyParts, 'seed' | 'ignoreKeys'>,
  timeScale: number,
): CacheLookup {
  const cache = settings(options.cache);
  if (!cache) return { read: false, write: false };
  const read = cache.enabled === true || cache.read === true;
  const write = cache.enabled === true || cache.save === true;
  if (!read && !write) return { read: false, write: false };
  const size = cache.bucketMaxSize ?? 1;
  const keyParts: CacheKeyParts = { ...parts, seed: cache.seed, ignoreKeys: cache.ignoreKeys ?? [] };
  const keys = Array.from({ length: size }, (_, index) => cacheKey(keyParts, index));
  const slots = keys.map((key) => store.get(key));
  const ttlMs = (cache.maxAge ?? defaultCacheSeconds) * 1000 * timeScale;
  const freeIndex = slots.findIndex((slot) => slot === undefined);
  if (read && freeIndex === -1) {
    const bucketIndex = Math.floor(Math.random() * size);
    return {
      read,
      write,
      hit: { answer: slots[bucketIndex] as CachedAnswer, bucketIndex },
      freeIndex: -1,
      keys,
      ttlMs,
    };
  }
  return { read, write, freeIndex: Math.max(freeIndex, 0), keys, ttlMs };
}
