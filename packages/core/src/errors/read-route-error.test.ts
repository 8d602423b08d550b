import { describe, expect, it } from 'vitest';
import { GatewayError } from './gateway-error';
import { gatewayErrorJson } from './gateway-error-json';
import { readRouteError } from './read-route-error';

const routeError = (status: number, error: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ error }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });

describe("readRouteError: the server route's error answer, in the browser", () => {
  it('reads the OpenAI-shaped body, the wait in retry-after-ms and the Helicone-Id', async () => {
    const error = await readRouteError(
      routeError(
        429,
        { message: 'Rate limited', type: 'rate_limit_error', code: 'rate_limited', param: null },
        { 'retry-after-ms': '17000', 'retry-after': '17', 'helicone-id': 'req-7' },
      ),
    );
    expect(GatewayError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      status: 429,
      message: 'Rate limited',
      type: 'rate_limit_error',
      code: 'rate_limited',
      param: undefined,
      retryAfterMs: 17_000,
      requestId: 'req-7',
      isRetryable: true,
    });
    expect(error.body).toContain('"Rate limited"');
  });

  it('reads the wait from Retry-After in seconds when retry-after-ms is missing, at most a day', async () => {
    const wait = async (headers: Record<string, string>) =>
      (await readRouteError(routeError(503, { message: 'busy' }, headers))).retryAfterMs;
    expect(await wait({ 'retry-after': '1.5' })).toBe(1500);
    expect(await wait({ 'retry-after-ms': '250', 'retry-after': '2' })).toBe(250);
    expect(await wait({ 'retry-after-ms': '999999999999' })).toBe(86_400_000);
    expect(await wait({ 'retry-after-ms': '-1', 'retry-after': 'soon' })).toBeUndefined();
    // The route turns an HTTP date into seconds; the browser does not parse dates.
    expect(await wait({ 'retry-after': 'Fri, 27 Nov 2026 07:00:45 GMT' })).toBeUndefined();
    expect(await wait({})).toBeUndefined();
  });

  it('gives the generic message for a body in any other form, and keeps the text', async () => {
    const html = '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>';
    const fromHtml = await readRouteError(new Response(html, { status: 502 }));
    expect(fromHtml).toMatchObject({ status: 502, message: 'Request failed with status 502.', body: html });
    for (const body of ['Invalid Helicone API key', '{"error":"flat"}', '{"message":"m"}', '[1]', '']) {
      expect((await readRouteError(new Response(body, { status: 500 }))).message).toBe(
        'Request failed with status 500.',
      );
    }
    expect(gatewayErrorJson(await readRouteError(routeError(400, { message: 42, code: 7 })))).toEqual({
      error: {
        message: 'Request failed with status 400.',
        type: 'invalid_request_error',
        code: null,
        param: null,
      },
    });
  });

  it('keeps what arrived of a body that breaks mid-way, with the failure as the cause', async () => {
    const failure = new Error('socket hang up');
    let pulls = 0;
    const broken = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls += 1;
        if (pulls === 1) controller.enqueue(new TextEncoder().encode('{"error":'));
        else controller.error(failure);
      },
    });
    const error = await readRouteError(new Response(broken, { status: 503 }));
    expect(error).toMatchObject({ status: 503, message: 'Request failed with status 503.' });
    expect(error.cause).toBe(failure);
  });

  it("reads at most 64 KiB of a huge (or endless) body, a proxy's page, and cancels the rest", async () => {
    let pulled = 0;
    let cancelled = false;
    const chunk = new TextEncoder().encode('x'.repeat(16_384));
    // Ends after 16 MiB only so that a reader without a limit fails here instead of hanging.
    const huge = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        if (pulled > 1024) controller.close();
        else controller.enqueue(chunk);
      },
      cancel() {
        cancelled = true;
      },
    });
    const error = await readRouteError(new Response(huge, { status: 502 }));
    expect(error).toMatchObject({ status: 502, message: 'Request failed with status 502.' });
    expect(pulled).toBeLessThanOrEqual(6);
    expect(cancelled).toBe(true);
    expect(error.body).toHaveLength(8193);
  });

  it('never keeps a Helicone key in the message or the body', async () => {
    const error = await readRouteError(routeError(401, { message: 'Invalid key sk-helicone-abc123-def456' }));
    expect(error.message).toBe('Invalid key [redacted Helicone key]');
    expect(error.body).not.toContain('abc123');
  });
});
