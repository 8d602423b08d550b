import { describe, expect, it } from 'vitest';
import { errorOf } from '../__tests__/header-value-error-of';
import type { HeliconeOptions } from './helicone-options';
import { toHeliconeHeaders } from './to-helicone-headers';

describe('toHeliconeHeaders', () => {
  it('writes every option with canonical header names', () => {
    expect(
      toHeliconeHeaders({
        properties: { Environment: 'production', 'User-Id': 'u-42' },
        userId: 'alice@example.com',
        session: { id: 'b6c5f0de-3a35-4e6f-9d2b-1f0c9a7e2d11', path: '/chat/turn', name: 'Customer Support' },
        promptId: 'support-v2',
        requestId: '0f8fad5b-d9cb-469f-a165-70867728950e',
        cache: {
          maxAge: 3600,
          bucketMaxSize: 3,
          seed: 'user-1',
          ignoreKeys: ['request_id', 'timestamp'],
        },
        retry: { num: 3, factor: 1.5, minTimeout: 500, maxTimeout: 8000 },
        rateLimitPolicy: '10;w=60;u=request;s=user',
        omitRequest: true,
        omitResponse: true,
        moderations: true,
        llmSecurity: { advanced: true },
        tokenLimitExceptionHandler: 'middle-out',
      }),
    ).toEqual({
      'Helicone-Property-Environment': 'production',
      'Helicone-Property-User-Id': 'u-42',
      'Helicone-User-Id': 'alice@example.com',
      'Helicone-Session-Id': 'b6c5f0de-3a35-4e6f-9d2b-1f0c9a7e2d11',
      'Helicone-Session-Path': '/chat/turn',
      'Helicone-Session-Name': 'Customer Support',
      'Helicone-Prompt-Id': 'support-v2',
      'Helicone-Request-Id': '0f8fad5b-d9cb-469f-a165-70867728950e',
      'Helicone-Cache-Enabled': 'true',
      'Cache-Control': 'max-age=3600',
      'Helicone-Cache-Bucket-Max-Size': '3',
      'Helicone-Cache-Seed': 'user-1',
      'Helicone-Cache-Ignore-Keys': 'request_id,timestamp',
      'Helicone-Retry-Enabled': 'true',
      'Helicone-Retry-Num': '3',
      'Helicone-Retry-Factor': '1.5',
      'Helicone-Retry-Min-Timeout': '500',
      'Helicone-Retry-Max-Timeout': '8000',
      'Helicone-RateLimit-Policy': '10;w=60;s=user',
      'Helicone-Omit-Request': 'true',
      'Helicone-Omit-Response': 'true',
      'Helicone-Moderations-Enabled': 'true',
      'Helicone-LLM-Security-Enabled': 'true',
      'Helicone-LLM-Security-Advanced': 'true',
      'Helicone-Token-Limit-Exception-Handler': 'middle-out',
    });
  });

  it('gives no headers for empty options and for switches that are off', () => {
    expect(toHeliconeHeaders({})).toEqual({});
    expect(
      toHeliconeHeaders({
        cache: false,
        retry: false,
        omitRequest: false,
        moderations: false,
        llmSecurity: false,
      }),
    ).toEqual({});
    expect(toHeliconeHeaders({ retry: { enabled: false } })).toEqual({});
    expect(toHeliconeHeaders({ cache: { enabled: false, maxAge: 60 } })).toEqual({});
  });

  it('writes the retry settings of a retry that is off, without the switch (the gateway then ignores them)', () => {
    expect(toHeliconeHeaders({ retry: { enabled: false, num: 3, factor: 1.5 } })).toEqual({
      'Helicone-Retry-Num': '3',
      'Helicone-Retry-Factor': '1.5',
    });
    expect(() => toHeliconeHeaders({ retry: { enabled: false, num: -1 } })).toThrow(/retry\.num/);
  });

  it('reads the shorthand forms', () => {
    expect(toHeliconeHeaders({ cache: true, retry: true, llmSecurity: true })).toEqual({
      'Helicone-Cache-Enabled': 'true',
      'Helicone-Retry-Enabled': 'true',
      'Helicone-LLM-Security-Enabled': 'true',
    });
    // save or read alone is a one-way cache: "enabled" is then off unless asked for.
    expect(toHeliconeHeaders({ cache: { read: true } })).toEqual({ 'Helicone-Cache-Read': 'true' });
    expect(toHeliconeHeaders({ cache: { save: true, enabled: true } })).toEqual({
      'Helicone-Cache-Enabled': 'true',
      'Helicone-Cache-Save': 'true',
    });
    expect(
      toHeliconeHeaders({ rateLimitPolicy: { quota: 500, windowSeconds: 86400, unit: 'cents' } }),
    ).toEqual({ 'Helicone-RateLimit-Policy': '500;w=86400;u=cents' });
  });

  it('trims spaces around values, as HTTP would', () => {
    expect(toHeliconeHeaders({ userId: '  bob ' })).toEqual({ 'Helicone-User-Id': 'bob' });
  });

  it("writes values that are not printable ASCII as UTF-8'' percent-encoding", () => {
    expect(
      toHeliconeHeaders({
        userId: 'José',
        session: { name: '客服 chat' },
        properties: { Emoji: '🚀', Quote: "it's (ok) *" },
        cache: { seed: 'café' },
      }),
    ).toEqual({
      'Helicone-User-Id': "UTF-8''Jos%C3%A9",
      'Helicone-Session-Name': "UTF-8''%E5%AE%A2%E6%9C%8D%20chat",
      'Helicone-Property-Emoji': "UTF-8''%F0%9F%9A%80",
      'Helicone-Property-Quote': "it's (ok) *",
      'Helicone-Cache-Enabled': 'true',
      'Helicone-Cache-Seed': "UTF-8''caf%C3%A9",
    });
    // An ASCII value that happens to start with the marker is encoded too, so it reads back unchanged.
    expect(toHeliconeHeaders({ userId: "utf-8''x" })).toEqual({ 'Helicone-User-Id': "UTF-8''utf-8%27%27x" });
  });

  describe('hostile values', () => {
    it.each([
      ['CRLF header injection', { userId: 'bob\r\nHelicone-Auth: Bearer x' }, 'userId', 'U+000D'],
      ['a lone LF', { session: { path: '/a\n/b' } }, 'session.path', 'U+000A'],
      ['a trailing CRLF', { promptId: 'p1\r\n' }, 'promptId', 'U+000D'],
      ['NUL', { properties: { Environment: 'prod\u0000' } }, 'properties.Environment', 'U+0000'],
      ['TAB', { cache: { seed: 'a\tb' } }, 'cache.seed', 'U+0009'],
      ['DEL', { userId: 'a\u007f' }, 'userId', 'U+007F'],
      ['a C1 control', { userId: 'a\u0085b' }, 'userId', 'U+0085'],
    ])('rejects %s', (_label, options, field, character) => {
      const error = errorOf(() => toHeliconeHeaders(options));
      expect(error.field).toBe(field);
      expect(error.message).toContain(character);
      expect(error.message).not.toContain('Helicone-Auth: Bearer');
    });

    it('rejects a value over the limit, and one that only grows over it when encoded', () => {
      expect(toHeliconeHeaders({ userId: 'a'.repeat(2048) })['Helicone-User-Id']).toHaveLength(2048);
      const long = errorOf(() => toHeliconeHeaders({ userId: 'a'.repeat(2049) }));
      expect(long).toMatchObject({ field: 'userId', header: 'Helicone-User-Id' });
      expect(long.message).toMatch(/longer than 2048 characters/);
      expect(long.message).not.toContain('aaaa');
      const encoded = errorOf(() => toHeliconeHeaders({ properties: { Note: 'é'.repeat(400) } }));
      expect(encoded.field).toBe('properties.Note');
      expect(encoded.message).toMatch(/once encoded/);
    });

    it.each([
      ['a space', 'Bad Name'],
      ['a colon', 'X:Y'],
      ['CRLF', 'A\r\nB'],
      ['non-ASCII', 'Café'],
      ['an empty name', ''],
      ['brackets', 'a[0]'],
    ])('rejects a property name with %s', (_label, name) => {
      const error = errorOf(() => toHeliconeHeaders({ properties: { [name]: 'x' } }));
      expect(error.field).toMatch(/^properties/);
      expect(error.message).not.toContain('\r');
    });

    it('rejects a property name over 128 characters and two names differing only in case', () => {
      expect(() => toHeliconeHeaders({ properties: { ['p'.repeat(129)]: 'x' } })).toThrow(/longer than 128/);
      expect(toHeliconeHeaders({ properties: { ['p'.repeat(128)]: 'x' } })).toHaveProperty(
        `Helicone-Property-${'p'.repeat(128)}`,
        'x',
      );
      const twice = errorOf(() => toHeliconeHeaders({ properties: { Env: 'a', env: 'b' } }));
      expect(twice.field).toBe('properties.env');
      expect(twice.message).toMatch(/different casing/);
    });

    it('rejects a lone surrogate, an empty value and a non-string', () => {
      expect(errorOf(() => toHeliconeHeaders({ userId: 'a\ud800b' })).message).toMatch(/lone surrogate/);
      expect(errorOf(() => toHeliconeHeaders({ userId: '   ' })).message).toMatch(/is empty/);
      expect(errorOf(() => toHeliconeHeaders({ userId: 42 as unknown as string })).field).toBe('userId');
    });
  });

  it.each([
    [{ requestId: 'not-a-uuid' }, 'requestId', /UUID/],
    [{ requestId: '0f8fad5b-d9cb-469f-a165-70867728950e\r\nX: 1' }, 'requestId', /UUID/],
    [{ cache: { maxAge: -1 } }, 'cache.maxAge', /0 to 31536000/],
    [{ cache: { maxAge: 31536001 } }, 'cache.maxAge', /0 to 31536000/],
    [{ cache: { maxAge: 1.5 } }, 'cache.maxAge', /integer/],
    [{ cache: { bucketMaxSize: 0 } }, 'cache.bucketMaxSize', /1 to 20/],
    [{ cache: { bucketMaxSize: 21 } }, 'cache.bucketMaxSize', /1 to 20/],
    [{ cache: { ignoreKeys: ['a,b'] } }, 'cache.ignoreKeys[0]', /without a comma/],
    [{ cache: { ignoreKeys: ['ok', 'clé'] } }, 'cache.ignoreKeys[1]', /printable ASCII/],
    [{ cache: { ignoreKeys: 'a' } }, 'cache.ignoreKeys', /array/],
    [{ cache: 'yes' }, 'cache', /boolean or an object/],
    [{ retry: { num: -1 } }, 'retry.num', /0 to 1000/],
    [{ retry: { factor: 0 } }, 'retry.factor', /greater than 0/],
    [{ retry: { factor: Number.NaN } }, 'retry.factor', /greater than 0/],
    [{ retry: { factor: 1e-7 } }, 'retry.factor', /exponent/],
    [{ retry: { minTimeout: 2.5 } }, 'retry.minTimeout', /integer/],
    [{ rateLimitPolicy: '10;w=5' }, 'rateLimitPolicy', /w must be from 60/],
    [
      { rateLimitPolicy: { quota: 0, windowSeconds: 60, unit: 'request' } },
      'rateLimitPolicy.quota',
      /greater/,
    ],
    [{ omitRequest: 'true' }, 'omitRequest', /boolean/],
    [{ tokenLimitExceptionHandler: 'drop' }, 'tokenLimitExceptionHandler', /truncate, middle-out, fallback/],
    [{ llmSecurity: { advanced: 'yes' } }, 'llmSecurity.advanced', /boolean/],
  ])('rejects %j naming the field', (options, field, message) => {
    const error = errorOf(() => toHeliconeHeaders(options as unknown as HeliconeOptions));
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });

  it.each([
    [{ properties: true }, 'properties', 'must be an object of property names and string values.'],
    [{ properties: ['Env'] }, 'properties', 'must be an object of property names and string values.'],
    [{ session: 'one' }, 'session', 'must be an object.'],
    [{ session: null }, 'session', 'must be an object.'],
    [{ cache: 5 }, 'cache', 'must be a boolean or an object.'],
    [{ retry: [] }, 'retry', 'must be a boolean or an object.'],
    [{ llmSecurity: 'on' }, 'llmSecurity', 'must be a boolean or an object.'],
    [{ rateLimitPolicy: 5 }, 'rateLimitPolicy', 'must be an object or a policy string.'],
    [{ rateLimitPolicy: [] }, 'rateLimitPolicy', 'must be an object or a policy string.'],
  ])('says what %j accepts', (options, field, reason) => {
    const error = errorOf(() => toHeliconeHeaders(options as unknown as HeliconeOptions));
    expect(error.field).toBe(field);
    expect(error.reason).toBe(reason);
  });

  it('says an options value that is not an object must be one', () => {
    expect(errorOf(() => toHeliconeHeaders('x' as unknown as HeliconeOptions)).reason).toBe(
      'must be an object.',
    );
  });
});
