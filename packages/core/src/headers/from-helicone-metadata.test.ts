import { describe, expect, it } from 'vitest';
import { errorOf } from '../__tests__/header-value-error-of';
import { HeaderValueError } from '../errors/header-value-error';
import { fromHeliconeMetadata } from './from-helicone-metadata';
import { toHeliconeHeaders } from './to-helicone-headers';

describe('fromHeliconeMetadata', () => {
  it("reads the seed documentation's LiteLLM metadata object, keeping the retry count it gives", () => {
    const seed = {
      'Helicone-Cache-Enabled': 'true',
      'helicone-retry-num': '3',
      'Helicone-Property-Environment': 'production',
    };
    // No Helicone-Retry-Enabled: the gateway ignores the count (HELICONE.md §2.3), but it is not lost here.
    const options = fromHeliconeMetadata(seed);
    expect(options).toEqual({
      properties: { Environment: 'production' },
      cache: { enabled: true },
      retry: { enabled: false, num: 3 },
    });
    // A route forwards exactly what it read: the count, still without the switch, as Helicone would see it.
    expect(toHeliconeHeaders(options)).toEqual({
      'Helicone-Property-Environment': 'production',
      'Helicone-Cache-Enabled': 'true',
      'Helicone-Retry-Num': '3',
    });
    expect(fromHeliconeMetadata({ ...seed, 'Helicone-Retry-Enabled': 'true' })).toEqual({
      properties: { Environment: 'production' },
      cache: { enabled: true },
      retry: { enabled: true, num: 3 },
    });
  });

  it('maps the misspelt Helicone-Rate-Limit-Policy and keeps Helicone-Property-User-Id a property', () => {
    expect(
      fromHeliconeMetadata({
        'Helicone-Rate-Limit-Policy': '10;w=60;s=user',
        'Helicone-Property-User-Id': 'u-7',
      }),
    ).toEqual({
      rateLimitPolicy: { quota: 10, windowSeconds: 60, unit: 'request', segment: 'user' },
      properties: { 'User-Id': 'u-7' },
    });
  });

  it('reads every modelled request header, in any casing, and ignores everything else', () => {
    expect(
      fromHeliconeMetadata({
        'HELICONE-USER-ID': 'alice',
        'helicone-session-id': 's-1',
        'Helicone-Session-Path': '/chat/turn',
        'helicone-session-name': 'Support',
        'Helicone-Prompt-Id': 'support-v2',
        'helicone-request-id': '0F8FAD5B-D9CB-469F-A165-70867728950E',
        'Helicone-Cache-Save': 'TRUE',
        'helicone-cache-read': 'true',
        'cache-control': 'no-cache, max-age=60, s-maxage=120',
        'Helicone-Cache-Bucket-Max-Size': '20',
        'Helicone-Cache-Seed': "UTF-8''caf%C3%A9",
        'Helicone-Cache-Ignore-Keys': ' request_id , timestamp,',
        'helicone-retry-enabled': 'true',
        'Helicone-Retry-Factor': '1.5',
        'Helicone-Retry-Min-Timeout': '500',
        'Helicone-Retry-Max-Timeout': '8000',
        'helicone-ratelimit-policy': '500;w=86400;u=cents',
        'Helicone-Omit-Request': 'true',
        'Helicone-Omit-Response': 'false',
        'Helicone-Moderations-Enabled': 'true',
        'Helicone-Prompt-Security-Enabled': 'true',
        'Helicone-LLM-Security-Advanced': 'true',
        'Helicone-Token-Limit-Exception-Handler': 'Fallback',
        // Not modelled or not Helicone's: ignored.
        'Helicone-Auth': 'Bearer sk-helicone-secret',
        'Helicone-Target-URL': 'https://example.com',
        authorization: 'Bearer x',
        'content-type': 'application/json',
        model: 'gpt-4o',
      }),
    ).toEqual({
      userId: 'alice',
      session: { id: 's-1', path: '/chat/turn', name: 'Support' },
      promptId: 'support-v2',
      requestId: '0F8FAD5B-D9CB-469F-A165-70867728950E',
      cache: {
        enabled: false,
        save: true,
        read: true,
        maxAge: 120,
        bucketMaxSize: 20,
        seed: 'café',
        ignoreKeys: ['request_id', 'timestamp'],
      },
      retry: { enabled: true, factor: 1.5, minTimeout: 500, maxTimeout: 8000 },
      rateLimitPolicy: { quota: 500, windowSeconds: 86400, unit: 'cents' },
      omitRequest: true,
      moderations: true,
      llmSecurity: { advanced: true },
      tokenLimitExceptionHandler: 'fallback',
    });
  });

  it('reads a Headers object (lower-cased names) and LiteLLM values that are not strings', () => {
    const headers = new Headers({
      'Helicone-Property-Environment': 'production',
      'Helicone-Cache-Enabled': 'true',
      'Cache-Control': 'max-age=3600',
      'Helicone-User-Id': "UTF-8''Jos%C3%A9",
      Accept: 'text/event-stream',
    });
    expect(fromHeliconeMetadata(headers)).toEqual({
      properties: { environment: 'production' },
      userId: 'José',
      cache: { enabled: true, maxAge: 3600 },
    });
    expect(
      fromHeliconeMetadata({
        'Helicone-Cache-Enabled': true,
        'helicone-retry-enabled': true,
        'helicone-retry-num': 3,
      }),
    ).toEqual({ cache: { enabled: true }, retry: { enabled: true, num: 3 } });
    // Node's IncomingHttpHeaders shape: arrays and undefined.
    expect(fromHeliconeMetadata({ 'helicone-user-id': ['bob'], 'helicone-session-id': undefined })).toEqual({
      userId: 'bob',
    });
  });

  it('leaves out switches that are off, settings of switched-off features, and empty values', () => {
    expect(
      fromHeliconeMetadata({
        'Helicone-Cache-Enabled': 'false',
        'Cache-Control': 'max-age=0',
        'Helicone-Cache-Seed': 's',
        'Helicone-Retry-Enabled': 'false',
        'Helicone-LLM-Security-Advanced': 'true',
        'Helicone-User-Id': '  ',
        'Helicone-Property-Empty': '',
      }),
    ).toEqual({});
    // A browser's own Cache-Control says nothing about Helicone's cache.
    expect(fromHeliconeMetadata({ 'cache-control': 'max-age=0' })).toEqual({});
    expect(fromHeliconeMetadata({})).toEqual({});
  });

  it("clamps the cache max-age like the gateway (365 days) and ignores Cache-Control it can't read", () => {
    expect(
      fromHeliconeMetadata({ 'Helicone-Cache-Enabled': 'true', 'Cache-Control': 'max-age=99999999' }),
    ).toEqual({ cache: { enabled: true, maxAge: 31536000 } });
    expect(
      fromHeliconeMetadata({ 'Helicone-Cache-Enabled': 'true', 'Cache-Control': 'max-age=soon' }),
    ).toEqual({
      cache: { enabled: true },
    });
  });

  it('accepts the same key twice in two casings when the values agree', () => {
    expect(
      fromHeliconeMetadata({
        'Helicone-User-Id': 'bob',
        'helicone-user-id': 'bob',
        'Helicone-RateLimit-Policy': '10;w=60',
        'Helicone-Rate-Limit-Policy': '10;w=60',
      }),
    ).toEqual({ userId: 'bob', rateLimitPolicy: { quota: 10, windowSeconds: 60, unit: 'request' } });
  });

  describe('hostile and malformed values', () => {
    it.each([
      ['CRLF in a value', { 'Helicone-User-Id': 'bob\r\nHelicone-Auth: x' }, 'userId', /U\+000D/],
      ['CRLF hidden in the encoding', { 'Helicone-User-Id': "UTF-8''bob%0D%0AX: 1" }, 'userId', /U\+000D/],
      ['a malformed encoding', { 'Helicone-Session-Name': "UTF-8''%E0%A4" }, 'session.name', /malformed/],
      ['a NUL in a property', { 'Helicone-Property-Env': 'a\u0000' }, 'properties.Env', /U\+0000/],
      [
        'a non-token property name',
        { 'Helicone-Property-Bad Name': 'x' },
        'properties["Bad Name"]',
        /HTTP token/,
      ],
      ['an empty property name', { 'Helicone-Property-': 'x' }, 'properties[""]', /empty/],
      ['a huge value', { 'Helicone-Session-Id': 'x'.repeat(2049) }, 'session.id', /longer than 2048/],
      ['a non-UUID request id', { 'Helicone-Request-Id': 'abc' }, 'requestId', /UUID/],
      ['a non-boolean switch', { 'Helicone-Cache-Enabled': 'yes' }, 'cache.enabled', /"true" or "false"/],
      [
        'a bucket size of 21',
        { 'Helicone-Cache-Enabled': 'true', 'Helicone-Cache-Bucket-Max-Size': '21' },
        'cache.bucketMaxSize',
        /1 to 20/,
      ],
      [
        'a garbage retry count',
        { 'Helicone-Retry-Enabled': 'true', 'Helicone-Retry-Num': '3x' },
        'retry.num',
        /integer/,
      ],
      [
        'a negative factor',
        { 'Helicone-Retry-Enabled': 'true', 'Helicone-Retry-Factor': '-2' },
        'retry.factor',
        /greater than 0/,
      ],
      ['a bad policy', { 'Helicone-RateLimit-Policy': '10;w=10' }, 'rateLimitPolicy', /w must be from 60/],
      [
        'an unknown handler',
        { 'Helicone-Token-Limit-Exception-Handler': 'drop' },
        'tokenLimitExceptionHandler',
        /one of/,
      ],
      [
        'non-ASCII in a number',
        { 'Helicone-Retry-Enabled': 'true', 'Helicone-Retry-Num': '３' },
        'retry.num',
        /ASCII/,
      ],
      ['an object value', { 'Helicone-User-Id': { id: 1 } }, 'userId', /must be a string/],
      ['two values for one header', { 'helicone-user-id': ['a', 'b'] }, 'userId', /more than once/],
      ['two casings that disagree', { 'Helicone-User-Id': 'a', 'helicone-user-id': 'b' }, 'userId', /twice/],
      [
        'both policy spellings disagreeing',
        { 'Helicone-RateLimit-Policy': '10;w=60', 'Helicone-Rate-Limit-Policy': '20;w=60' },
        'rateLimitPolicy',
        /twice/,
      ],
      [
        'two property casings that disagree',
        { 'Helicone-Property-Env': 'a', 'helicone-property-env': 'b' },
        'properties.env',
        /twice/,
      ],
    ])('rejects %s', (_label, metadata, field, message) => {
      const error = errorOf(() => fromHeliconeMetadata(metadata));
      expect(error.field).toBe(field);
      expect(error.message).toMatch(message);
    });

    it.each([
      // The field shows at most 40 characters of a bad name, escaped; the header shows none.
      ['a CRLF', `Env\r\nX-Padding: ${'-'.repeat(40)}\r\nHelicone-Auth: Bearer sk-helicone-x`],
      ['5 KB of', 'A'.repeat(5 * 1024)],
    ])('names a property key with %s characters by a placeholder, in a short message', (_label, name) => {
      const error = errorOf(() => fromHeliconeMetadata({ [`Helicone-Property-${name}`]: 'x' }));
      expect(error.header).toBe('Helicone-Property-<name>');
      expect(error.message.length).toBeLessThan(300);
      expect(error.message).not.toMatch(/[\r\n]/);
      expect(error.message).not.toContain('sk-helicone-x');
      expect(error.message).not.toContain('A'.repeat(100));
    });

    it('names the real header of a property whose name is fine but whose value is not', () => {
      const error = errorOf(() => fromHeliconeMetadata({ 'helicone-property-env': 'a\u0000' }));
      expect(error.header).toBe('helicone-property-env');
    });

    it('never repeats the value in the message', () => {
      const error = errorOf(() => fromHeliconeMetadata({ 'Helicone-User-Id': 'sk-helicone-abc\r\n' }));
      expect(error.message).not.toContain('sk-helicone-abc');
    });

    it('rejects metadata that is not an object', () => {
      expect(() => fromHeliconeMetadata('x' as never)).toThrow(HeaderValueError);
    });
  });
});

describe('fromHeliconeMetadata with a Headers-like object', () => {
  it('reads any object with get and forEach (a Headers from another realm or a polyfill)', () => {
    const entries: Array<[string, string]> = [
      ['helicone-user-id', 'bob'],
      ['helicone-cache-enabled', 'true'],
    ];
    const headersLike = {
      get: (name: string) => entries.find(([key]) => key === name.toLowerCase())?.[1] ?? null,
      forEach: (callback: (value: string, key: string) => void) => {
        for (const [key, value] of entries) callback(value, key);
      },
    };
    expect(fromHeliconeMetadata(headersLike as unknown as Headers)).toEqual({
      userId: 'bob',
      cache: { enabled: true },
    });
  });
});
