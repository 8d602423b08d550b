import { describe, expect, it } from 'vitest';
import { errorOf } from '../__tests__/header-value-error-of';
import { encodeHeliconeHeaders } from './encode-helicone-headers';
import { fromHeliconeMetadata } from './from-helicone-metadata';
import type { HeliconeOptions } from './helicone-options';

describe('encodeHeliconeHeaders (no checks: the route checks what it lets through)', () => {
  it('writes the headers, switches, max-age, a policy object and keys as toHeliconeHeaders does, names lower-cased', () => {
    expect(
      encodeHeliconeHeaders({
        properties: { App: 'tests', Skipped: undefined as unknown as string },
        session: { id: 's-1', name: 'Überblick', path: undefined },
        cache: { maxAge: 60, ignoreKeys: [' a ', 'b'] },
        retry: { enabled: false, num: 3 },
        rateLimitPolicy: { quota: 5, windowSeconds: 60, unit: 'cents', segment: 'user' },
        llmSecurity: { advanced: true },
        omitRequest: false,
      }),
    ).toEqual({
      'helicone-property-App': 'tests',
      'helicone-session-id': 's-1',
      'helicone-session-name': "UTF-8''%C3%9Cberblick",
      'helicone-cache-enabled': 'true',
      'cache-control': 'max-age=60',
      'helicone-cache-ignore-keys': 'a,b',
      'helicone-retry-num': '3',
      'helicone-ratelimit-policy': '5;w=60;u=cents;s=user',
      'helicone-llm-security-enabled': 'true',
      'helicone-llm-security-advanced': 'true',
    });
  });

  it('leaves out null and undefined values as it does missing ones (a JavaScript caller may pass either)', () => {
    const loose = {
      userId: null,
      properties: { App: 'tests', Gone: null, Missing: undefined },
      session: { id: 's-1', name: null, path: undefined },
      cache: { maxAge: null, seed: null },
      retry: { num: null },
    } as unknown as HeliconeOptions;
    expect(encodeHeliconeHeaders(loose)).toEqual({
      'helicone-property-App': 'tests',
      'helicone-session-id': 's-1',
      'helicone-cache-enabled': 'true',
      'helicone-retry-enabled': 'true',
    });
  });

  it('leaves out the settings of a group none of whose switches is on', () => {
    expect(encodeHeliconeHeaders({ cache: { enabled: false, maxAge: 60, seed: 'x' } })).toEqual({});
    expect(encodeHeliconeHeaders({ cache: false, llmSecurity: false, retry: false })).toEqual({});
    expect(encodeHeliconeHeaders({ cache: { read: true, maxAge: 5 } })).toEqual({
      'helicone-cache-read': 'true',
      'cache-control': 'max-age=5',
    });
  });

  it('sends a policy string as written (the route parses and normalizes it)', () => {
    expect(encodeHeliconeHeaders({ rateLimitPolicy: ' 10;W=60;u=request ' })).toEqual({
      'helicone-ratelimit-policy': '10;W=60;u=request',
    });
  });

  it('encodes CR, LF and other controls, so nothing is injected and fetch accepts every value', () => {
    const headers = encodeHeliconeHeaders({
      userId: 'bob\r\nHelicone-Auth: Bearer x',
      properties: { Note: 'a\u0000b' },
      session: { name: 'a\ud800b' },
    });
    expect(headers).toEqual({
      'helicone-user-id': "UTF-8''bob%0D%0AHelicone-Auth%3A%20Bearer%20x",
      'helicone-property-Note': "UTF-8''a%00b",
      // A lone surrogate has no UTF-8 form: a malformed encoding, which the route refuses.
      'helicone-session-name': "UTF-8''%",
    });
    expect(() => new Headers(headers)).not.toThrow();
  });

  it.each<[string, HeliconeOptions, string]>([
    ['a CRLF in free text', { userId: 'bob\r\nX-Injected: 1' }, 'Helicone-User-Id'],
    ['a lone surrogate', { session: { name: 'a\ud800b' } }, 'Helicone-Session-Name'],
    ['a NUL in a property', { properties: { Note: 'a\u0000' } }, 'Helicone-Property-Note'],
    ['a number out of range', { retry: { num: -1 } }, 'Helicone-Retry-Num'],
    ['a fraction for an integer', { cache: { bucketMaxSize: 2.5 } }, 'Helicone-Cache-Bucket-Max-Size'],
    ['a factor with an exponent', { retry: { factor: 1e-7 } }, 'Helicone-Retry-Factor'],
    ['a request id that is not a UUID', { requestId: 'not-a-uuid' }, 'Helicone-Request-Id'],
    ['a policy string off the grammar', { rateLimitPolicy: '10;w=5' }, 'Helicone-RateLimit-Policy'],
    [
      'a policy object out of range',
      { rateLimitPolicy: { quota: 0, windowSeconds: 60, unit: 'request' } },
      'Helicone-RateLimit-Policy',
    ],
    ['a switch that is not a boolean', { omitRequest: 'yes' as never }, 'Helicone-Omit-Request'],
    [
      'an unknown handler',
      { tokenLimitExceptionHandler: 'drop' as never },
      'Helicone-Token-Limit-Exception-Handler',
    ],
    ['an over-long value', { userId: 'a'.repeat(2049) }, 'Helicone-User-Id'],
  ])(
    'sends %s as text, which the route reads with fromHeliconeMetadata and refuses naming the header',
    (_label, options, header) => {
      const sent = new Request('http://127.0.0.1/', { headers: encodeHeliconeHeaders(options) }).headers;
      expect(errorOf(() => fromHeliconeMetadata(sent)).header?.toLowerCase()).toBe(header.toLowerCase());
    },
  );
});
