import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HeaderValueError } from '../errors/header-value-error';
import { fromHeliconeMetadata } from './from-helicone-metadata';
import type { HeliconeCacheOptions, HeliconeOptions, HeliconeRetryOptions } from './helicone-options';
import type { RateLimitPolicy } from './rate-limit-policy';
import { encodeHeliconeHeaders } from './encode-helicone-headers';
import { toHeliconeHeaders } from './to-helicone-headers';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Free text as the reader gives it back: no control characters, no spaces around it, not empty. */
const text = fc
  .oneof(fc.string({ unit: 'grapheme-ascii', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 30 }))
  .map((value) => value.replace(/^ +| +$/g, ''))
  .filter((value) => value !== '' && !CONTROL.test(value));
const token = fc.stringMatching(/^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,20}$/);
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const on = optional(fc.constant(true as const));

const properties = fc
  .uniqueArray(fc.tuple(token, text), { maxLength: 5, selector: ([name]) => name.toLowerCase() })
  .map((entries) => (entries.length === 0 ? undefined : Object.fromEntries(entries)));

const cache: fc.Arbitrary<HeliconeCacheOptions> = fc
  .record({
    enabled: fc.boolean(),
    save: on,
    read: on,
    maxAge: optional(fc.integer({ min: 0, max: 31_536_000 })),
    bucketMaxSize: optional(fc.integer({ min: 1, max: 20 })),
    seed: optional(text),
    ignoreKeys: optional(
      fc.array(fc.stringMatching(/^[A-Za-z0-9_.-]{1,12}$/), { minLength: 1, maxLength: 4 }),
    ),
  })
  .filter((options) => options.enabled || options.save === true || options.read === true);

// A retry that is off keeps its settings (sent without Helicone-Retry-Enabled); with none, it is left out.
const retry: fc.Arbitrary<HeliconeRetryOptions> = fc
  .record({
    enabled: fc.boolean(),
    num: optional(fc.integer({ min: 0, max: 1000 })),
    factor: optional(fc.integer({ min: 1, max: 1000 }).map((tenths) => tenths / 10)),
    minTimeout: optional(fc.integer({ min: 0, max: 86_400_000 })),
    maxTimeout: optional(fc.integer({ min: 0, max: 86_400_000 })),
  })
  .filter(
    ({ enabled, ...settings }) => enabled || Object.values(settings).some((value) => value !== undefined),
  );

const rateLimitPolicy: fc.Arbitrary<RateLimitPolicy> = fc.record(
  {
    quota: fc.integer({ min: 1, max: 1_000_000 }),
    windowSeconds: fc.integer({ min: 60, max: 31_536_000 }),
    unit: fc.constantFrom('request' as const, 'cents' as const),
    segment: fc.oneof(fc.constant('user'), fc.stringMatching(/^[\w-]{1,20}$/)),
  },
  { requiredKeys: ['quota', 'windowSeconds', 'unit'] },
);

/** Options in the normalized form `fromHeliconeMetadata` gives. */
const normalizedOptions: fc.Arbitrary<HeliconeOptions> = fc.record({
  properties,
  userId: optional(text),
  session: optional(fc.record({ id: text, path: text, name: text }, { requiredKeys: [] })).map((session) =>
    session === undefined || Object.keys(session).length === 0 ? undefined : session,
  ),
  promptId: optional(text),
  requestId: optional(fc.uuid({ version: [1, 2, 3, 4, 5] })),
  cache: optional(cache),
  retry: optional(retry),
  rateLimitPolicy: optional(rateLimitPolicy),
  omitRequest: on,
  omitResponse: on,
  moderations: on,
  llmSecurity: optional(fc.constantFrom(true as const, { advanced: true })),
  tokenLimitExceptionHandler: optional(
    fc.constantFrom('truncate' as const, 'middle-out' as const, 'fallback' as const),
  ),
});

describe('Helicone header codec round trip (property)', () => {
  it('fromHeliconeMetadata(toHeliconeHeaders(options)) gives the options back', () => {
    fc.assert(
      fc.property(normalizedOptions, (options) => {
        expect(fromHeliconeMetadata(toHeliconeHeaders(options))).toEqual(options);
      }),
      { numRuns: 500 },
    );
  });

  it('survives a real Request: printable ASCII on the wire, property names lower-cased by Fetch', () => {
    fc.assert(
      fc.property(normalizedOptions, (options) => {
        const headers = toHeliconeHeaders(options);
        for (const value of Object.values(headers)) expect(value).toMatch(/^[\x20-\x7e]*$/);
        const request = new Request('http://127.0.0.1/', { headers });
        const expected = { ...options };
        if (options.properties) {
          expected.properties = Object.fromEntries(
            Object.entries(options.properties).map(([name, value]) => [name.toLowerCase(), value]),
          );
        }
        expect(fromHeliconeMetadata(request.headers)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('any string value is either refused with a HeaderValueError or sent as one safe line that reads back', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 60 }),
        fc.string({ maxLength: 30 }),
        (value, name) => {
          let headers: Record<string, string>;
          try {
            headers = toHeliconeHeaders({ userId: value, properties: { [name]: value } });
          } catch (error) {
            expect(HeaderValueError.isInstance(error)).toBe(true);
            return;
          }
          for (const [key, written] of Object.entries(headers)) {
            expect(key).toMatch(/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/);
            expect(written).not.toMatch(/[\r\n]/);
          }
          const read = fromHeliconeMetadata(headers);
          expect(read.userId).toBe(value.replace(/^ +| +$/g, ''));
          expect(read.properties).toEqual({ [name]: value.replace(/^ +| +$/g, '') });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('encodeHeliconeHeaders, the unchecked encoder of the browser, sends what toHeliconeHeaders writes', () => {
    // Its field names are lower-cased, as `Headers` has them: the same headers once sent.
    const sent = (headers: Record<string, string>) => [...new Headers(headers)];
    fc.assert(
      fc.property(normalizedOptions, (options) => {
        const headers = encodeHeliconeHeaders(options);
        expect(sent(headers)).toEqual(sent(toHeliconeHeaders(options)));
        expect(Object.keys(headers)).toHaveLength(Object.keys(toHeliconeHeaders(options)).length);
      }),
      { numRuns: 500 },
    );
  });

  it('encodeHeliconeHeaders sends any string as one printable-ASCII line: the route reads it back or refuses it', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 60 }),
        fc.string({ unit: 'binary', maxLength: 60 }),
        (value, seed) => {
          const headers = encodeHeliconeHeaders({
            userId: value,
            cache: { seed },
            properties: { Note: value },
          });
          for (const written of Object.values(headers)) expect(written).toMatch(/^[\x20-\x7e]*$/);
          let read: ReturnType<typeof fromHeliconeMetadata>;
          try {
            read = fromHeliconeMetadata(new Request('http://127.0.0.1/', { headers }).headers);
          } catch (error) {
            expect(HeaderValueError.isInstance(error)).toBe(true);
            return;
          }
          const trimmed = value.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
          if (read.userId !== undefined) expect(read.userId).toBe(trimmed);
          expect(read.userId ?? '').toBe(read.properties?.note ?? '');
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('shorthand options normalize to the object form', () => {
    expect(fromHeliconeMetadata(toHeliconeHeaders({ cache: true, retry: true, llmSecurity: {} }))).toEqual({
      cache: { enabled: true },
      retry: { enabled: true },
      llmSecurity: true,
    });
    expect(fromHeliconeMetadata(toHeliconeHeaders({ rateLimitPolicy: '10;W=60;U=request' }))).toEqual({
      rateLimitPolicy: { quota: 10, windowSeconds: 60, unit: 'request' },
    });
    expect(
      fromHeliconeMetadata(toHeliconeHeaders({ cache: { enabled: true, save: false }, omitRequest: false })),
    ).toEqual({
      cache: { enabled: true },
    });
  });
});
