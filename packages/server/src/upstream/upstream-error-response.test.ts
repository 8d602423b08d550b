import { readRouteError } from '@helicone-kit/core';
import { describe, expect, it } from 'vitest';
import { jsonReply } from '../__tests__/support/recording-upstream';
import { chatBody, testRoute } from '../__tests__/support/test-route';

/** The route's answer to one chat call whose upstream answers `reply`. */
async function routeAnswer(reply: () => Response) {
  const { handler } = testRoute({}, reply);
  return handler(
    new Request('https://app.example.com/api/helicone/chat/completions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(chatBody()),
    }),
  );
}

const rateLimited = { success: false, error: { code: 'rate_limited', message: 'Rate limited', details: [] } };

describe("the route's error answers: one form, which readRouteError reads in the browser", () => {
  it("turns the gateway's 429 with only Helicone-RateLimit-Reset into retry-after-ms and Retry-After", async () => {
    const response = await routeAnswer(() =>
      jsonReply(429, rateLimited, {
        'Helicone-RateLimit-Limit': '1',
        'Helicone-RateLimit-Remaining': '0',
        'Helicone-RateLimit-Reset': '17',
      }),
    );
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after-ms')).toBe('17000');
    expect(response.headers.get('retry-after')).toBe('17');
    expect(response.headers.get('helicone-ratelimit-reset')).toBe('17');
    expect(response.headers.get('access-control-expose-headers')).toContain('Retry-After-Ms');
    expect(await readRouteError(response)).toMatchObject({
      status: 429,
      code: 'rate_limited',
      message: 'Rate limited',
      type: 'rate_limit_error',
      retryAfterMs: 17_000,
    });
  });

  it('computes the wait from an HTTP date, a Google RetryInfo or retry-after-ms, so the browser parses none of them', async () => {
    const wait = async (reply: () => Response) => {
      const response = await routeAnswer(reply);
      return { ms: response.headers.get('retry-after-ms'), seconds: response.headers.get('retry-after') };
    };
    const inAMinute = new Date(Date.now() + 60_000).toUTCString();
    const fromDate = await wait(() =>
      jsonReply(503, { error: { message: 'busy' } }, { 'Retry-After': inAMinute }),
    );
    expect(Number(fromDate.ms)).toBeGreaterThan(58_000);
    expect(Number(fromDate.ms)).toBeLessThanOrEqual(60_000);
    expect(fromDate.seconds).toBe(String(Math.ceil(Number(fromDate.ms) / 1000)));

    const google = {
      error: {
        code: 429,
        status: 'RESOURCE_EXHAUSTED',
        message: 'quota',
        details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '30s' }],
      },
    };
    expect(await wait(() => jsonReply(429, google))).toEqual({ ms: '30000', seconds: '30' });
    expect(await wait(() => jsonReply(429, rateLimited, { 'retry-after-ms': '1500' }))).toEqual({
      ms: '1500',
      seconds: '2',
    });
  });

  it('sends no wait at all when the upstream said none it could read (its own Retry-After is not passed on)', async () => {
    const response = await routeAnswer(() =>
      jsonReply(503, { error: { message: 'busy' } }, { 'Retry-After': 'soon' }),
    );
    expect(response.headers.get('retry-after')).toBeNull();
    expect(response.headers.get('retry-after-ms')).toBeNull();
    expect((await readRouteError(response)).retryAfterMs).toBeUndefined();
  });

  it("reads the route's own errors and a plain-text upstream error through the same form", async () => {
    const { handler } = testRoute({ models: ['gpt-4o-mini'] });
    const refused = await handler(
      new Request('https://app.example.com/api/helicone/chat/completions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(chatBody({ model: 'gpt-5' })),
      }),
    );
    expect(await readRouteError(refused)).toMatchObject({
      status: 400,
      code: 'model_not_allowed',
      type: 'invalid_request_error',
      param: 'model',
    });
    const plain = await routeAnswer(
      () =>
        new Response('Invalid Helicone API key', { status: 401, headers: { 'content-type': 'text/plain' } }),
    );
    expect(await readRouteError(plain)).toMatchObject({
      status: 401,
      message: 'Invalid Helicone API key',
      type: 'authentication_error',
    });
  });
});
