import {
  createHttpTransport,
  GatewayError,
  type ChatTransportRequest,
  type HeliconeOptions,
} from '@helicone-kit/core';
import { describe, expect, it } from 'vitest';
import { BASE, testRoute } from '../__tests__/support/test-route';

const allowAll = {
  clientMay: { properties: '*', session: true, cache: true, retry: true, rateLimitPolicy: true },
} as const;

/** The browser's transport against the route in-process: what `useHeliconeChat` sends, as the route reads it. */
function transportToRoute() {
  const route = testRoute(allowAll);
  const transport = createHttpTransport({
    api: BASE,
    fetch: (input, init) => route.handler(new Request(input, init)),
  });
  const send = async (helicone: HeliconeOptions, headers?: Record<string, string>) => {
    const request: ChatTransportRequest = {
      body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }], stream: false },
      helicone,
      signal: new AbortController().signal,
    };
    if (headers) request.headers = headers;
    try {
      for await (const event of transport.send(request)) void event;
    } catch (error) {
      return error;
    }
    return undefined;
  };
  return { route, send };
}

describe('Helicone-* headers from the browser transport, checked by the route', () => {
  it('reach the gateway decoded and normalized', async () => {
    const { route, send } = transportToRoute();
    route.upstream.calls.length = 0;
    await send({
      properties: { Team: 'Café' },
      session: { id: 's-1', name: '客服' },
      cache: true,
      retry: { num: 2, factor: 1.5 },
      rateLimitPolicy: '10;W=60;u=request',
    });
    const sent = Object.fromEntries(route.upstream.last.headers);
    expect(sent).toMatchObject({
      'helicone-property-team': "UTF-8''Caf%C3%A9",
      'helicone-session-id': 's-1',
      'helicone-session-name': "UTF-8''%E5%AE%A2%E6%9C%8D",
      'helicone-cache-enabled': 'true',
      'helicone-retry-enabled': 'true',
      'helicone-retry-num': '2',
      'helicone-retry-factor': '1.5',
      'helicone-ratelimit-policy': '10;w=60',
    });
  });

  it.each<[string, HeliconeOptions, Record<string, string> | undefined, string]>([
    [
      'a CRLF in a property',
      { properties: { Note: 'a\r\nX-Injected: 1' } },
      undefined,
      'helicone-property-note',
    ],
    [
      'a lone surrogate in the session name',
      { session: { name: 'a\ud800' } },
      undefined,
      'helicone-session-name',
    ],
    ['a retry count out of range', { retry: { num: -1 } }, undefined, 'helicone-retry-num'],
    ['a policy off the grammar', { rateLimitPolicy: '10;w=5' }, undefined, 'helicone-ratelimit-policy'],
    ['a factor with an exponent', { retry: { factor: 1e-7 } }, undefined, 'helicone-retry-factor'],
    [
      'a metadata header with a CRLF',
      {},
      { 'Helicone-Property-Env': "UTF-8''a%0D%0Ab" },
      'helicone-property-env',
    ],
  ])('%s ends as a 400 GatewayError naming the header', async (_label, helicone, headers, header) => {
    const { route, send } = transportToRoute();
    const error = await send(helicone, headers);
    expect(GatewayError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 400, code: 'invalid_helicone_header' });
    expect((error as GatewayError).param?.toLowerCase()).toBe(header);
    expect((error as GatewayError).message).toMatch(/Invalid Helicone option/);
    expect(route.upstream.calls).toHaveLength(0);
  });
});
