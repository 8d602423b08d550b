import { describe, expect, it } from 'vitest';
import { CacheStore, cacheKey, type CachedAnswer } from './cache-store';

const answer = (model: string): CachedAnswer => ({
  kind: 'json',
  body: { model },
  provider: 'openai',
  mode: 'PTB',
  model,
  latencyMs: 5,
  promptTokens: 1,
  completionTokens: 1,
});

describe('CacheStore', () => {
  it('forgets an entry at its expiry time', () => {
    const store = new CacheStore();
    store.set('k', answer('a'), 1000, 0);
    expect(store.get('k', 999)?.model).toBe('a');
    expect(store.get('k', 1000)).toBeUndefined();
  });

  it('keeps at most its capacity, dropping the oldest entry first', () => {
    const store = new CacheStore(2);
    store.set('a', answer('a'), 1000, 0);
    store.set('b', answer('b'), 1000, 0);
    store.set('c', answer('c'), 1000, 0);
    expect(store.get('a', 1)).toBeUndefined();
    expect(store.get('b', 1)?.model).toBe('b');
    expect(store.get('c', 1)?.model).toBe('c');
  });
});

describe('cacheKey', () => {
  const parts = {
    seed: undefined,
    path: '/v1/chat/completions',
    body: { a: 1, request_id: 7 },
    ignoreKeys: [],
    cacheHeaders: {},
  };

  it('differs by slot, seed, body and cache headers, and ignores the ignored keys', () => {
    const key = cacheKey(parts, 0);
    expect(cacheKey(parts, 1)).not.toBe(key);
    expect(cacheKey({ ...parts, seed: 's' }, 0)).not.toBe(key);
    expect(cacheKey({ ...parts, body: { a: 2, request_id: 7 } }, 0)).not.toBe(key);
    expect(cacheKey({ ...parts, cacheHeaders: { 'helicone-cache-enabled': 'true' } }, 0)).not.toBe(key);
    const ignoring = { ...parts, ignoreKeys: ['request_id'] };
    expect(cacheKey({ ...ignoring, body: { a: 1, request_id: 8 } }, 0)).toBe(cacheKey(ignoring, 0));
  });
});
