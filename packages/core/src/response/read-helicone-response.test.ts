import { describe, expect, it } from 'vitest';
import { fixtureJson } from '../__tests__/fixtures';
import { readAnswerInfo } from './read-answer-info';
import { readHeliconeResponse } from './read-helicone-response';

type Recording = { label: string; status: number; headers: Record<string, string> };

const nothing = {
  requestId: undefined,
  status: undefined,
  provider: undefined,
  model: undefined,
  gatewayMode: undefined,
  fallbackIndex: undefined,
  cache: undefined,
  rateLimit: undefined,
};

describe('readHeliconeResponse', () => {
  it('reads every Helicone response header of a cache hit under a rate limit', () => {
    const headers = new Headers({
      'Helicone-Id': '0f8fad5b-d9cb-469f-a165-70867728950e',
      'Helicone-Status': 'success',
      'Helicone-Gateway-Mode': 'PTB',
      'Helicone-Provider': 'anthropic',
      'Helicone-Model': 'claude-3-5-haiku-20241022',
      'Helicone-Cache': 'HIT',
      'Helicone-Cache-Bucket-Idx': '2',
      'Helicone-Cache-Latency': '812',
      'Helicone-RateLimit-Limit': '10',
      'Helicone-RateLimit-Remaining': '7',
      'Helicone-RateLimit-Policy': '10;w=60;s=user',
      'Helicone-RateLimit-Reset': '42',
      'content-type': 'application/json',
    });
    expect(readHeliconeResponse(headers)).toEqual({
      requestId: '0f8fad5b-d9cb-469f-a165-70867728950e',
      status: 'success',
      provider: 'anthropic',
      model: 'claude-3-5-haiku-20241022',
      gatewayMode: 'PTB',
      fallbackIndex: undefined,
      cache: { status: 'HIT', bucketIndex: 2, latencyMs: 812 },
      rateLimit: {
        limit: 10,
        remaining: 7,
        policy: { quota: 10, windowSeconds: 60, unit: 'request', segment: 'user' },
        resetSeconds: 42,
      },
    });
  });

  it('reads a plain record in any casing (a cache miss, BYOK, a legacy fallback index)', () => {
    expect(
      readHeliconeResponse({
        'helicone-id': 'abc',
        'HELICONE-CACHE': 'miss',
        'helicone-gateway-mode': 'byok',
        'Helicone-Fallback-Index': '1',
        'Helicone-Status': 'failed',
      }),
    ).toEqual({
      ...nothing,
      requestId: 'abc',
      status: 'failed',
      gatewayMode: 'BYOK',
      fallbackIndex: 1,
      cache: { status: 'MISS', bucketIndex: undefined, latencyMs: undefined },
    });
  });

  it('gives undefined for missing headers and for garbage', () => {
    expect(readHeliconeResponse({})).toEqual(nothing);
    expect(readHeliconeResponse(new Headers())).toEqual(nothing);
    expect(
      readHeliconeResponse({
        'Helicone-Id': '   ',
        'Helicone-Gateway-Mode': 'FREE',
        'Helicone-Status': 'maybe',
        'Helicone-Fallback-Index': '-1',
        'Helicone-Cache': 'STALE',
        'Helicone-Cache-Bucket-Idx': 'two',
        'Helicone-Cache-Latency': '1e3',
        'Helicone-RateLimit-Limit': 'NaN',
        'Helicone-RateLimit-Remaining': '-3',
        'Helicone-RateLimit-Policy': '10;w=5',
        'Helicone-RateLimit-Reset': 'Infinity',
      }),
    ).toEqual({
      ...nothing,
      cache: { status: undefined, bucketIndex: undefined, latencyMs: undefined },
      rateLimit: { limit: undefined, remaining: undefined, policy: undefined, resetSeconds: undefined },
    });
    expect(
      readHeliconeResponse({ 'Helicone-Cache-Bucket-Idx': '9'.repeat(400) }).cache?.bucketIndex,
    ).toBeUndefined();
  });

  it('finds no Helicone headers in the recorded OpenAI responses', () => {
    const { recordings } = fixtureJson('headers/openai-recorded-response-headers.json') as {
      recordings: Recording[];
    };
    expect(recordings).toHaveLength(4);
    for (const recording of recordings) {
      expect(readHeliconeResponse(recording.headers), recording.label).toEqual(nothing);
      expect(readHeliconeResponse(new Headers(recording.headers)), recording.label).toEqual(nothing);
    }
  });
});

describe('readHeliconeResponse with a Headers-like object', () => {
  it('reads any object with get (a Headers from another realm or a polyfill)', () => {
    const headersLike = { get: (name: string) => (name.toLowerCase() === 'helicone-id' ? 'req-9' : null) };
    expect(readHeliconeResponse(headersLike as unknown as Headers).requestId).toBe('req-9');
  });
});

describe("readAnswerInfo: the part of readHeliconeResponse the chat's transport reads", () => {
  it('reads the request id, provider, model and cache status with Headers.get, as readHeliconeResponse does', () => {
    const headers = new Headers({
      'Helicone-Id': 'req-1',
      'Helicone-Provider': 'openai',
      'Helicone-Model': 'gpt-4o-mini-2024-07-18',
      'Helicone-Cache': 'hit',
      'Helicone-Cache-Latency': '12',
      'Helicone-RateLimit-Limit': '10',
    });
    const answer = readAnswerInfo((name) => headers.get(name) || undefined);
    expect(answer).toEqual({
      requestId: 'req-1',
      provider: 'openai',
      model: 'gpt-4o-mini-2024-07-18',
      cache: { status: 'HIT' },
    });
    expect(readHeliconeResponse(headers)).toMatchObject({
      ...answer,
      cache: { status: 'HIT', latencyMs: 12 },
    });
    const none = readAnswerInfo((name) => new Headers({ 'Helicone-Cache': 'STALE' }).get(name) || undefined);
    expect(none).toEqual({
      requestId: undefined,
      provider: undefined,
      model: undefined,
      cache: { status: undefined },
    });
  });
});
