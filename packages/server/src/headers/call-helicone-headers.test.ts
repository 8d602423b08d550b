import { describe, expect, it } from 'vitest';
import { chatBody, TEST_KEY, testRoute } from '../__tests__/support/test-route';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The upstream request's headers as a plain object (names lower-cased by Headers). */
const sentHeaders = (headers: Headers) => Object.fromEntries(headers);

describe('headers sent upstream', () => {
  it('signs with the server key and drops Authorization, cookies, hop-by-hop and unlisted Helicone-* headers', async () => {
    const { post, upstream } = testRoute();
    await post('/api/helicone/chat/completions', chatBody(), {
      authorization: 'Bearer browser-token',
      cookie: 'session=abc',
      connection: 'keep-alive',
      'keep-alive': 'timeout=5',
      'proxy-authorization': 'Basic eA==',
      te: 'trailers',
      upgrade: 'websocket',
      'x-forwarded-for': '10.0.0.1',
      'helicone-auth': 'Bearer sk-helicone-forged',
      'helicone-user-id': 'forged-user',
      'helicone-target-url': 'https://evil.test',
      'helicone-omit-request': 'true',
      'helicone-property-plan': 'enterprise',
      'helicone-cache-enabled': 'true',
      'helicone-retry-enabled': 'true',
      'helicone-ratelimit-policy': '1000;w=60',
      'helicone-prompt-id': 'p1',
      'helicone-session-id': 'session-1',
      'helicone-session-path': '/chat/1',
      'helicone-session-name': 'Support',
    });
    const headers = sentHeaders(upstream.last.headers);
    expect(headers.authorization).toBe(`Bearer ${TEST_KEY}`);
    expect(headers['content-type']).toBe('application/json');
    // clientMay's default: session attribution only.
    expect(headers['helicone-session-id']).toBe('session-1');
    expect(headers['helicone-session-path']).toBe('/chat/1');
    expect(headers['helicone-session-name']).toBe('Support');
    const allowedNames = [
      'accept',
      'authorization',
      'content-type',
      'helicone-request-id',
      'helicone-session-id',
      'helicone-session-path',
      'helicone-session-name',
    ];
    expect(Object.keys(headers).sort()).toEqual(allowedNames.sort());
  });

  it('lets through what clientMay allows, checking the values', async () => {
    const { post, upstream } = testRoute({
      clientMay: {
        properties: ['Plan', 'feature'],
        cache: true,
        retry: true,
        promptId: true,
        rateLimitPolicy: true,
        session: false,
      },
    });
    await post('/api/helicone/chat/completions', chatBody(), {
      'helicone-property-plan': 'pro',
      'Helicone-Property-Feature': 'chat',
      'helicone-property-secret': 'x',
      'helicone-cache-enabled': 'true',
      'helicone-cache-seed': 'forged-seed',
      'helicone-retry-enabled': 'true',
      'helicone-retry-num': '2',
      'helicone-prompt-id': 'prompt-7',
      'helicone-ratelimit-policy': '10;w=60;s=user',
      'helicone-session-id': 's1',
    });
    const headers = sentHeaders(upstream.last.headers);
    expect(headers['helicone-property-plan']).toBe('pro');
    expect(headers['helicone-property-feature']).toBe('chat');
    expect(headers['helicone-property-secret']).toBeUndefined();
    expect(headers['helicone-cache-enabled']).toBe('true');
    expect(headers['helicone-cache-seed']).toBeUndefined();
    expect(headers['helicone-retry-enabled']).toBe('true');
    expect(headers['helicone-retry-num']).toBe('2');
    expect(headers['helicone-prompt-id']).toBe('prompt-7');
    expect(headers['helicone-ratelimit-policy']).toBe('10;w=60;s=user');
    expect(headers['helicone-session-id']).toBeUndefined();
  });

  it('properties "*" allows any property name', async () => {
    const { post, upstream } = testRoute({ clientMay: { properties: '*' } });
    await post('/api/helicone/chat/completions', chatBody(), { 'helicone-property-anything': 'yes' });
    expect(upstream.last.headers.get('helicone-property-anything')).toBe('yes');
  });

  it('400 naming the header for a malformed or hostile value the browser may send', async () => {
    const { post, upstream } = testRoute({
      clientMay: { properties: '*', retry: true, rateLimitPolicy: true },
    });
    const cases: [Record<string, string>, RegExp][] = [
      [{ 'helicone-property-plan': 'a\u0001b' }, /helicone-property-plan/i],
      [{ 'helicone-retry-enabled': 'true', 'helicone-retry-num': 'many' }, /retry-num/i],
      [{ 'helicone-ratelimit-policy': '10;w=5' }, /ratelimit-policy/i],
      [{ 'helicone-session-id': 'x'.repeat(5000) }, /session-id/i],
      // CRLF cannot be sent raw (fetch and node:http refuse it), so it comes hidden in the UTF-8'' encoding.
      [{ 'helicone-property-plan': "UTF-8''a%0D%0AX-Injected:%201" }, /helicone-property-plan/i],
    ];
    for (const [headers, param] of cases) {
      const { response, json } = await post('/api/helicone/chat/completions', chatBody(), headers);
      expect(response.status, JSON.stringify(headers).slice(0, 80)).toBe(400);
      expect(json.error.code).toBe('invalid_helicone_header');
      expect(json.error.param).toMatch(param);
    }
    expect(upstream.calls).toHaveLength(0);
  });

  it("passes a non-ASCII property value in core's reversible UTF-8'' form", async () => {
    const { post, upstream } = testRoute({ clientMay: { properties: ['City'] } });
    await post('/api/helicone/chat/completions', chatBody(), {
      'helicone-property-city': "UTF-8''Z%C3%BCrich",
    });
    expect(upstream.last.headers.get('helicone-property-city')).toBe("UTF-8''Z%C3%BCrich");
  });

  it('server values win: authorize over defaults over the browser, whatever the casing', async () => {
    const { post, upstream } = testRoute({
      clientMay: { properties: '*', cache: true, session: true },
      defaults: {
        properties: { App: 'demo', Environment: 'production' },
        cache: false,
        session: { name: 'Server Name' },
      },
      authorize: () => ({ userId: 'user-42', properties: { environment: 'staging-from-auth' } }),
    });
    await post('/api/helicone/chat/completions', chatBody(), {
      'helicone-property-app': 'forged',
      'helicone-property-color': 'blue',
      'helicone-cache-enabled': 'true',
      'helicone-session-name': 'Client Name',
      'helicone-session-id': 'client-session',
    });
    const headers = sentHeaders(upstream.last.headers);
    expect(headers['helicone-property-app']).toBe('demo');
    expect(headers['helicone-property-environment']).toBe('staging-from-auth');
    expect(headers['helicone-property-color']).toBe('blue');
    expect(headers['helicone-cache-enabled']).toBeUndefined();
    expect(headers['helicone-session-name']).toBe('Server Name');
    expect(headers['helicone-session-id']).toBe('client-session');
    expect(headers['helicone-user-id']).toBe('user-42');
  });

  it('applies defaults: cache with max-age, retry, policy', async () => {
    const { post, upstream } = testRoute({
      defaults: { cache: { enabled: true, maxAge: 3600 }, retry: { num: 3 }, rateLimitPolicy: '100;w=60' },
    });
    await post('/api/helicone/chat/completions', chatBody());
    const headers = sentHeaders(upstream.last.headers);
    expect(headers['helicone-cache-enabled']).toBe('true');
    expect(headers['cache-control']).toBe('max-age=3600');
    expect(headers['helicone-retry-enabled']).toBe('true');
    expect(headers['helicone-retry-num']).toBe('3');
    expect(headers['helicone-ratelimit-policy']).toBe('100;w=60');
  });
});

describe('user id and the body user field', () => {
  it('authorize alone sets Helicone-User-Id and the body user; without a user id both are absent', async () => {
    const signedIn = testRoute({ authorize: () => ({ userId: 'alice' }) });
    await signedIn.post('/api/helicone/chat/completions', chatBody({ user: 'mallory' }), {
      'helicone-user-id': 'mallory',
    });
    expect(signedIn.upstream.last.headers.get('helicone-user-id')).toBe('alice');
    expect((signedIn.upstream.last.json as { user: string }).user).toBe('alice');

    const anonymous = testRoute();
    await anonymous.post(
      '/api/helicone/embeddings',
      { model: 'text-embedding-3-small', input: 'x', user: 'mallory' },
      { 'helicone-user-id': 'mallory' },
    );
    expect(anonymous.upstream.last.headers.get('helicone-user-id')).toBeNull();
    expect(anonymous.upstream.last.json).toEqual({ model: 'text-embedding-3-small', input: 'x' });
  });

  it('an authorize Response refuses the call as is', async () => {
    const { post, upstream } = testRoute({ authorize: () => new Response('sign in first', { status: 401 }) });
    const { response, text } = await post('/api/helicone/chat/completions', chatBody());
    expect(response.status).toBe(401);
    expect(text).toBe('sign in first');
    expect(upstream.calls).toHaveLength(0);
  });
});

describe('Helicone-Request-Id', () => {
  it('is generated (UUID v4) when the client sent none or an invalid one, and returned as Helicone-Id', async () => {
    const { post, upstream } = testRoute();
    const ids = new Set<string>();
    for (const headers of <Record<string, string>[]>[
      {},
      { 'helicone-request-id': 'not-a-uuid' },
      { 'helicone-request-id': '00000000-0000-0000-0000-000000000000' },
    ]) {
      const { response } = await post('/api/helicone/chat/completions', chatBody(), headers);
      const sent = upstream.last.headers.get('helicone-request-id')!;
      expect(sent).toMatch(UUID_V4);
      expect(response.headers.get('helicone-id')).toBe(sent);
      ids.add(sent);
    }
    expect(ids.size).toBe(3);
  });

  it('keeps a valid client id', async () => {
    const { post, upstream } = testRoute();
    const id = '3f0e8a52-1c9b-4d6e-8f7a-2b5c9d0e1f34';
    const { response } = await post('/api/helicone/chat/completions', chatBody(), {
      'helicone-request-id': id,
    });
    expect(upstream.last.headers.get('helicone-request-id')).toBe(id);
    expect(response.headers.get('helicone-id')).toBe(id);
  });
});
