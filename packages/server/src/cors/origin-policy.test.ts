import { describe, expect, it } from 'vitest';
import { chatBody, ORIGIN, testRoute } from '../__tests__/support/test-route';

const partner = 'https://partner.example.org';

describe('same-origin by default', () => {
  it.each([
    ['same-origin fetch', { 'sec-fetch-site': 'same-origin', origin: ORIGIN }, 200],
    ['a navigation', { 'sec-fetch-site': 'none' }, 200],
    ['a server-side client (no browser headers)', {}, 200],
    ['Origin equal to the route origin, no Sec-Fetch-Site', { origin: ORIGIN }, 200],
    ['a cross-site fetch', { 'sec-fetch-site': 'cross-site', origin: partner }, 403],
    [
      'a same-site fetch from another origin',
      { 'sec-fetch-site': 'same-site', origin: 'https://other.example.com' },
      403,
    ],
    ['an old browser sending only Origin', { origin: partner }, 403],
    ['a sandboxed frame (Origin: null)', { 'sec-fetch-site': 'cross-site', origin: 'null' }, 403],
    ['cross-site without Origin', { 'sec-fetch-site': 'cross-site' }, 403],
  ])('%s → %i', async (_name, headers, status) => {
    const { post, upstream } = testRoute();
    const { response, json } = await post('/api/helicone/chat/completions', chatBody(), headers);
    expect(response.status).toBe(status);
    if (status === 403) {
      expect(json.error.code).toBe('origin_not_allowed');
      expect(upstream.calls).toHaveLength(0);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('refuses a cross-site GET of the models too', async () => {
    const { send } = testRoute();
    const { response } = await send('/api/helicone/models', {
      headers: { 'sec-fetch-site': 'cross-site', origin: partner },
    });
    expect(response.status).toBe(403);
  });
});

describe('allowedOrigins (CORS)', () => {
  it('answers a listed origin with CORS headers, errors included', async () => {
    const { post } = testRoute({ allowedOrigins: [partner] });
    const ok = await post('/api/helicone/chat/completions', chatBody(), {
      'sec-fetch-site': 'cross-site',
      origin: partner,
    });
    expect(ok.response.status).toBe(200);
    expect(ok.response.headers.get('access-control-allow-origin')).toBe(partner);
    expect(ok.response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(ok.response.headers.get('vary')).toContain('Origin');
    expect(ok.response.headers.get('access-control-expose-headers')).toContain('Helicone-Id');

    const bad = await post(
      '/api/helicone/chat/completions',
      { model: 'gpt-4o' },
      { 'sec-fetch-site': 'cross-site', origin: partner },
    );
    expect(bad.response.status).toBe(400);
    expect(bad.response.headers.get('access-control-allow-origin')).toBe(partner);

    const notFound = await post(
      '/api/helicone/nope',
      {},
      { 'sec-fetch-site': 'cross-site', origin: partner },
    );
    expect(notFound.response.status).toBe(404);
    expect(notFound.response.headers.get('access-control-allow-origin')).toBe(partner);

    const other = await post('/api/helicone/chat/completions', chatBody(), {
      'sec-fetch-site': 'cross-site',
      origin: 'https://evil.test',
    });
    expect(other.response.status).toBe(403);
  });

  it('accepts a function', async () => {
    const { post } = testRoute({ allowedOrigins: (origin) => origin.endsWith('.example.org') });
    expect(
      (await post('/api/helicone/chat/completions', chatBody(), { origin: partner })).response.status,
    ).toBe(200);
    expect(
      (await post('/api/helicone/chat/completions', chatBody(), { origin: 'https://example.net' })).response
        .status,
    ).toBe(403);
  });

  it('answers the preflight of a listed origin, and refuses others', async () => {
    const { send } = testRoute({ allowedOrigins: [partner] });
    const preflight = await send('/api/helicone/chat/completions', {
      method: 'OPTIONS',
      headers: {
        origin: partner,
        'sec-fetch-site': 'cross-site',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, helicone-session-id',
      },
    });
    expect(preflight.response.status).toBe(204);
    expect(preflight.response.headers.get('access-control-allow-origin')).toBe(partner);
    expect(preflight.response.headers.get('access-control-allow-methods')).toBe('POST, OPTIONS');
    expect(preflight.response.headers.get('access-control-allow-headers')).toBe(
      'content-type, helicone-session-id',
    );
    expect(preflight.response.headers.get('access-control-max-age')).toBe('600');

    const refused = await send('/api/helicone/chat/completions', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.test', 'access-control-request-method': 'POST' },
    });
    expect(refused.response.status).toBe(403);
    expect(refused.response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('a same-origin OPTIONS gets the Allow header', async () => {
    const { send } = testRoute();
    const { response } = await send('/api/helicone/models', { method: 'OPTIONS' });
    expect(response.status).toBe(204);
    expect(response.headers.get('allow')).toBe('GET, OPTIONS');
  });
});
