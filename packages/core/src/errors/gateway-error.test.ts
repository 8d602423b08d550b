import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixtureBytes } from '../__tests__/fixtures';
import { GatewayError } from './gateway-error';
import { gatewayErrorJson } from './gateway-error-json';
import { gatewayErrorResponse } from './gateway-error-response';
import { HeliconeKitError } from './helicone-kit-error';
import { ModelStringError } from './model-string-error';
import { parseGatewayError } from './parse-gateway-error';
import { readGatewayError } from './read-gateway-error';
import { readRouteError } from './read-route-error';

const fixtureText = (relativePath: string) => new TextDecoder().decode(fixtureBytes(relativePath));

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

afterEach(() => {
  vi.useRealTimers();
});

describe('readGatewayError', () => {
  it('hands the whole body to redact before anything parses or cuts it', async () => {
    const secret = 'provider-key-0123456789abcdef';
    // The message is cut at 1,000 characters: the secret straddles the cut, so only redacting first removes it.
    const message = 'x'.repeat(990) + secret;
    const seen: string[] = [];
    const error = await readGatewayError(json(500, { error: { message } }), {
      redact: (text) => {
        seen.push(text);
        return text.replaceAll(secret, '[redacted]');
      },
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toContain(secret);
    expect(error.message).not.toContain(secret.slice(0, 8));
    expect(error.body).not.toContain(secret.slice(0, 8));
  });

  it("reads the AI Gateway's {success:false,error:{code,message,details,param}} body", async () => {
    const error = await readGatewayError(
      json(
        429,
        {
          success: false,
          error: {
            code: 'rate_limited',
            message: 'Rate limited',
            details: [
              {
                source: 'gpt-4o/openai',
                type: 'rate_limited',
                message: 'Too many requests',
                statusCode: 429,
              },
              {
                source: 'claude-3.5-haiku/anthropic',
                type: 'rate_limited',
                message: 'Slow down',
                statusCode: 429,
              },
            ],
            param: null,
          },
        },
        { 'Retry-After': '30', 'Helicone-Id': '0f8fad5b-d9cb-469f-a165-70867728950e' },
      ),
    );
    expect(error).toBeInstanceOf(GatewayError);
    expect(error).toMatchObject({
      name: 'GatewayError',
      status: 429,
      code: 'rate_limited',
      type: undefined,
      message: 'Rate limited',
      param: undefined,
      retryAfterMs: 30_000,
      isRetryable: true,
      requestId: '0f8fad5b-d9cb-469f-a165-70867728950e',
    });
    expect(error.details).toEqual([
      { source: 'gpt-4o/openai', type: 'rate_limited', message: 'Too many requests', statusCode: 429 },
      { source: 'claude-3.5-haiku/anthropic', type: 'rate_limited', message: 'Slow down', statusCode: 429 },
    ]);
  });

  it("reads the Helicone docs' {error:{message,type,code}} body with a numeric code", async () => {
    const error = await readGatewayError(
      json(429, { error: { message: 'Insufficient credits', type: 'request_failed', code: 429 } }),
    );
    expect(error).toMatchObject({
      status: 429,
      message: 'Insufficient credits',
      type: 'request_failed',
      code: '429',
      retryAfterMs: undefined,
      requestId: undefined,
    });
  });

  it('reads the recorded OpenAI 404 with its recorded headers', async () => {
    const { recordings } = JSON.parse(fixtureText('headers/openai-recorded-response-headers.json')) as {
      recordings: Array<{ status: number; headers: Record<string, string> }>;
    };
    const recorded = recordings.find((recording) => recording.status === 404)!;
    const headers = Object.fromEntries(
      Object.entries(recorded.headers).filter(
        ([name]) => !/^(content-length|transfer-encoding)$/i.test(name),
      ),
    );
    const response = new Response(fixtureText('errors/openai-error-404-model-not-found.json'), {
      status: 404,
      headers,
    });
    const error = await readGatewayError(response);
    expect(error).toMatchObject({
      status: 404,
      message: 'The model `this-model-does-not-exist` does not exist or you do not have access to it.',
      type: 'invalid_request_error',
      code: 'model_not_found',
      param: undefined,
      details: [],
      retryAfterMs: undefined,
      requestId: undefined,
      isRetryable: false,
    });
    expect(gatewayErrorJson(error)).toEqual({
      error: {
        message: 'The model `this-model-does-not-exist` does not exist or you do not have access to it.',
        type: 'invalid_request_error',
        code: 'model_not_found',
        param: null,
      },
    });
  });

  it("reads Google's {error:{code,message,status,details}} and its RetryInfo delay", async () => {
    const details = [
      {
        '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
        violations: [
          { quotaMetric: 'generativelanguage.googleapis.com/generate_content_free_tier_requests' },
        ],
      },
      { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '30s' },
    ];
    const error = await readGatewayError(
      json(429, {
        error: {
          code: 429,
          message: 'You exceeded your current quota, please check your plan and billing details.',
          status: 'RESOURCE_EXHAUSTED',
          details,
        },
      }),
    );
    expect(error).toMatchObject({
      status: 429,
      code: 'RESOURCE_EXHAUSTED',
      message: 'You exceeded your current quota, please check your plan and billing details.',
      retryAfterMs: 30_000,
    });
    expect(error.details).toEqual(details);
    const fractional = parseGatewayError(
      503,
      JSON.stringify({
        error: {
          code: 503,
          message: 'The model is overloaded.',
          status: 'UNAVAILABLE',
          details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '1.5s' }],
        },
      }),
    );
    expect(fractional).toMatchObject({ code: 'UNAVAILABLE', retryAfterMs: 1500, isRetryable: true });
  });

  it('reads prompt errors {"error":"..."}', async () => {
    const error = await readGatewayError(json(400, { error: "Variable 'count' is 'number' but got 'abc'" }));
    expect(error).toMatchObject({
      status: 400,
      message: "Variable 'count' is 'number' but got 'abc'",
      code: undefined,
      type: undefined,
    });
    expect(gatewayErrorJson(error)).toEqual({
      error: {
        message: "Variable 'count' is 'number' but got 'abc'",
        type: 'invalid_request_error',
        code: null,
        param: null,
      },
    });
  });

  it('reads the legacy proxy\'s {"message"} 429 with its Helicone-RateLimit-Reset', async () => {
    const message =
      'Helicone user was rate limit via Helicone-RateLimit-Policy header. Please wait 17 seconds before retrying.';
    const response = new Response(JSON.stringify({ message }), {
      status: 429,
      headers: {
        'content-type': 'application/json;charset=UTF-8',
        'Helicone-RateLimit-Limit': '10',
        'Helicone-RateLimit-Remaining': '0',
        'Helicone-RateLimit-Policy': '10;w=60',
        'Helicone-RateLimit-Reset': '17',
      },
    });
    expect(await readGatewayError(response)).toMatchObject({
      status: 429,
      message,
      retryAfterMs: 17_000,
      isRetryable: true,
    });
  });

  it.each([
    [401, 'Invalid Helicone API key', 'authentication_error'],
    [401, 'Organization not found', 'authentication_error'],
    [405, 'Method not allowed. AI Gateway only accepts POST requests.', 'invalid_request_error'],
    [
      400,
      'Invalid body or missing model. See supported models at https://helicone.ai/models',
      'invalid_request_error',
    ],
  ])('reads a plain-text %i body', async (status, text, type) => {
    const error = await readGatewayError(
      new Response(`${text}\n`, { status, headers: { 'content-type': 'text/plain' } }),
    );
    expect(error).toMatchObject({ status, message: text, code: undefined, isRetryable: false });
    expect(gatewayErrorJson(error)).toEqual({ error: { message: text, type, code: null, param: null } });
  });

  it('gives a generic message for an empty, HTML, broken-JSON or unknown-JSON body', async () => {
    expect((await readGatewayError(new Response(null, { status: 502 }))).message).toBe(
      'Request failed with status 502.',
    );
    const html = '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>';
    expect(parseGatewayError(502, html).message).toBe('Request failed with status 502.');
    expect(parseGatewayError(502, html).body).toBe(html);
    expect(parseGatewayError(500, '{"error": {"message": "cut').message).toBe(
      'Request failed with status 500.',
    );
    expect(parseGatewayError(500, '{"detail":"x"}').message).toBe('Request failed with status 500.');
    expect(parseGatewayError(500, '[1,2]').message).toBe('Request failed with status 500.');
    expect(parseGatewayError(500, '{"error":{"message":42}}').message).toBe('42');
    expect(parseGatewayError(500, '{"error":{"message":{"nested":true}}}').message).toBe(
      'Request failed with status 500.',
    );
  });

  it('keeps at most 8 KB of a huge body and reads no more than 64 KiB of it', async () => {
    let pulled = 0;
    const chunk = new TextEncoder().encode('x'.repeat(16_384));
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(chunk);
      },
    });
    const error = await readGatewayError(new Response(endless, { status: 500 }));
    expect(error.status).toBe(500);
    expect(pulled).toBeLessThanOrEqual(6);
    expect(error.body).toHaveLength(8193);
    expect(error.message).toHaveLength(1001);
    expect(error.message.endsWith('…')).toBe(true);

    const hugeJson = JSON.stringify({ error: { message: 'big', details: ['y'.repeat(200_000)] } });
    const fromHuge = parseGatewayError(500, hugeJson);
    expect(fromHuge.message).toBe('Request failed with status 500.');
    expect(fromHuge.body!.length).toBeLessThanOrEqual(8193);
  });

  it('turns a body that breaks mid-way into a GatewayError with the cause', async () => {
    const failure = new Error('socket hang up');
    let pulls = 0;
    const broken = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls += 1;
        if (pulls === 1) controller.enqueue(new TextEncoder().encode('Upstream '));
        else controller.error(failure);
      },
    });
    const error = await readGatewayError(new Response(broken, { status: 503 }));
    expect(error).toMatchObject({ status: 503, message: 'Upstream', isRetryable: true });
    expect(error.cause).toBe(failure);
  });

  it('never keeps a Helicone key in the message or the body', () => {
    const error = parseGatewayError(401, 'Invalid key sk-helicone-abc123-def456 for org');
    expect(error.message).toBe('Invalid key [redacted Helicone key] for org');
    expect(error.body).not.toContain('sk-helicone');
    expect(JSON.stringify(error)).not.toContain('abc123');
  });

  it('never keeps a Helicone key in the type, code or param either', () => {
    const error = parseGatewayError(
      400,
      JSON.stringify({
        error: {
          message: 'm',
          type: 'sk-helicone-t1',
          code: 'pk-helicone-eu-c2',
          param: 'key sk-helicone-p3',
        },
      }),
    );
    expect(error).toMatchObject({
      type: '[redacted Helicone key]',
      code: '[redacted Helicone key]',
      param: 'key [redacted Helicone key]',
    });
    const built = new GatewayError({ status: 401, type: 'sk-helicone-t1', code: 'c', param: undefined });
    expect(built).toMatchObject({ type: '[redacted Helicone key]', code: 'c', param: undefined });
  });
});

describe('retryAfterMs', () => {
  it('reads Retry-After as an HTTP date', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-27T07:00:00Z'));
    const error = parseGatewayError(503, 'busy', { 'retry-after': 'Fri, 27 Nov 2026 07:00:45 GMT' });
    expect(error.retryAfterMs).toBe(45_000);
    expect(parseGatewayError(503, '', { 'Retry-After': 'Fri, 27 Nov 2026 06:00:00 GMT' }).retryAfterMs).toBe(
      0,
    );
  });

  it('prefers retry-after-ms, then Retry-After, then Helicone-RateLimit-Reset, then RetryInfo', () => {
    const google = JSON.stringify({
      error: {
        code: 429,
        status: 'RESOURCE_EXHAUSTED',
        message: 'm',
        details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '9s' }],
      },
    });
    const all = { 'retry-after-ms': '250', 'Retry-After': '2', 'Helicone-RateLimit-Reset': '5' };
    expect(parseGatewayError(429, google, all).retryAfterMs).toBe(250);
    expect(
      parseGatewayError(429, google, { 'Retry-After': '2', 'Helicone-RateLimit-Reset': '5' }).retryAfterMs,
    ).toBe(2000);
    expect(parseGatewayError(429, google, { 'Helicone-RateLimit-Reset': '5' }).retryAfterMs).toBe(5000);
    expect(parseGatewayError(429, google).retryAfterMs).toBe(9000);
    expect(
      parseGatewayError(429, 'x', { 'Retry-After': 'soon', 'Helicone-RateLimit-Reset': 'later' })
        .retryAfterMs,
    ).toBe(undefined);
  });
});

describe('GatewayError', () => {
  it.each([
    [408, true],
    [409, true],
    [429, true],
    [500, true],
    [502, true],
    [503, true],
    [400, false],
    [401, false],
    [403, false],
    [404, false],
    [422, false],
  ])('status %i is retryable: %s', (status, retryable) => {
    expect(new GatewayError({ status }).isRetryable).toBe(retryable);
  });

  it('is recognised across copies of the package by its marker', () => {
    const error = new GatewayError({ status: 500, message: 'boom' });
    expect(GatewayError.isInstance(error)).toBe(true);
    expect(HeliconeKitError.isInstance(error)).toBe(true);
    expect(ModelStringError.isInstance(error)).toBe(false);
    expect(GatewayError.isInstance(new Error('x'))).toBe(false);
    expect(GatewayError.isInstance(new ModelStringError({ model: 'x', reason: 'y' }))).toBe(false);
    const fromAnotherCopy = { [Symbol.for('helicone-kit.error.GatewayError')]: true };
    expect(GatewayError.isInstance(fromAnotherCopy)).toBe(true);
  });

  it('is written in the OpenAI error shape by gatewayErrorJson', () => {
    const error = new GatewayError({
      status: 503,
      message: 'Provider unavailable',
      code: 'request_failed',
      param: 'model',
    });
    expect(gatewayErrorJson(error)).toEqual({
      error: {
        message: 'Provider unavailable',
        type: 'server_error',
        code: 'request_failed',
        param: 'model',
      },
    });
    expect(gatewayErrorJson(new GatewayError({ status: 429 })).error.type).toBe('rate_limit_error');
  });
});

describe('gatewayErrorResponse', () => {
  it('gives an OpenAI-shaped JSON response with the status, retry-after-ms, Retry-After and Helicone-Id', async () => {
    const error = parseGatewayError(
      429,
      JSON.stringify({
        success: false,
        error: { code: 'rate_limited', message: 'Rate limited', details: [], param: null },
      }),
      { 'Helicone-RateLimit-Reset': '1.2', 'Helicone-Id': 'req-1' },
    );
    const response = gatewayErrorResponse(error);
    expect(response.status).toBe(429);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('retry-after-ms')).toBe('1200');
    expect(response.headers.get('retry-after')).toBe('2');
    expect(response.headers.get('helicone-id')).toBe('req-1');
    expect(await response.json()).toEqual({
      error: { message: 'Rate limited', type: 'rate_limit_error', code: 'rate_limited', param: null },
    });
    // And both readers read it back to the same fields: the browser's, and the one for any shape.
    for (const read of [readRouteError, readGatewayError]) {
      expect(await read(gatewayErrorResponse(error))).toMatchObject({
        status: 429,
        message: 'Rate limited',
        code: 'rate_limited',
        type: 'rate_limit_error',
        retryAfterMs: 1200,
        requestId: 'req-1',
      });
    }
  });

  it('uses 502 for a status that is not an error status, and leaves out an unsafe request id', () => {
    expect(gatewayErrorResponse(new GatewayError({ status: 200 })).status).toBe(502);
    expect(gatewayErrorResponse(new GatewayError({ status: 0 })).status).toBe(502);
    const response = gatewayErrorResponse(new GatewayError({ status: 500, requestId: 'a\r\nb' }));
    expect(response.headers.has('helicone-id')).toBe(false);
  });
});

describe('parseGatewayError on any input (property)', () => {
  it('always gives a GatewayError with a bounded message and body', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 599 }),
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.json({ maxDepth: 4 }),
          fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify({ error: value })),
          fc
            .jsonValue({ maxDepth: 3 })
            .map((value) => JSON.stringify({ success: false, error: { message: value, details: value } })),
        ),
        fc.dictionary(
          fc.constantFrom(
            'retry-after',
            'Retry-After',
            'helicone-ratelimit-reset',
            'Helicone-Id',
            'retry-after-ms',
          ),
          fc.string({ maxLength: 40 }),
        ),
        (status, body, headers) => {
          const error = parseGatewayError(status, body, headers);
          expect(GatewayError.isInstance(error)).toBe(true);
          expect(typeof error.message).toBe('string');
          expect(error.message.length).toBeLessThanOrEqual(1001);
          expect(error.body!.length).toBeLessThanOrEqual(8193);
          if (error.retryAfterMs !== undefined) expect(error.retryAfterMs).toBeGreaterThanOrEqual(0);
          expect(() => JSON.stringify(error)).not.toThrow();
        },
      ),
      { numRuns: 500 },
    );
  });
});
