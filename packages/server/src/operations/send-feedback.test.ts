import { describe, expect, it } from 'vitest';
import { jsonReply } from '../__tests__/support/recording-upstream';
import { TEST_KEY, testRoute } from '../__tests__/support/test-route';

const requestId = '3f0e8a52-1c9b-4d6e-8f7a-2b5c9d0e1f34';

describe('POST {base}/feedback', () => {
  it("calls Helicone's feedback API with the server key", async () => {
    const { post, upstream } = testRoute({}, () => jsonReply(200, { data: null, error: null }));
    const { response, json } = await post('/api/helicone/feedback', { requestId, rating: true });
    expect(response.status).toBe(200);
    expect(json).toEqual({ requestId, rating: true });
    expect(upstream.last.url).toBe(`https://api.test/v1/request/${requestId}/feedback`);
    expect(upstream.last.method).toBe('POST');
    expect(upstream.last.json).toEqual({ rating: true });
    expect(upstream.last.headers.get('authorization')).toBe(`Bearer ${TEST_KEY}`);
  });

  it('uses the EU API for an EU key (sk-helicone-eu-…) unless apiBaseURL is given', async () => {
    const { upstream, handler } = (() => {
      const route = testRoute({ apiKey: 'sk-helicone-eu-0123456789abcdef', apiBaseURL: undefined });
      return route;
    })();
    await handler(
      new Request('https://app.example.com/api/helicone/feedback', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ requestId, rating: false }),
      }),
    );
    expect(upstream.last.url).toBe(`https://eu.api.helicone.ai/v1/request/${requestId}/feedback`);
  });

  it.each([
    [{ requestId: 'not-a-uuid', rating: true }, 'requestId'],
    [{ requestId, rating: 'up' }, 'rating'],
    [{ rating: true }, 'requestId'],
  ])('400 for %j', async (body, param) => {
    const { post, upstream } = testRoute();
    const { response, json } = await post('/api/helicone/feedback', body);
    expect(response.status).toBe(400);
    expect(json.error.param).toBe(param);
    expect(upstream.calls).toHaveLength(0);
  });

  it('passes an upstream error on with its status, sanitized', async () => {
    const { post } = testRoute({}, () => jsonReply(404, { data: null, error: 'Request not found' }));
    const { response, json } = await post('/api/helicone/feedback', { requestId, rating: true });
    expect(response.status).toBe(404);
    expect(json.error.message).toMatch(/Request not found/);
  });

  it('authorizeFeedback decides who may rate a request: false is a 403, a Response is the answer, true passes', async () => {
    const owners = new Map([[requestId, 'alice']]);
    const seen: unknown[] = [];
    const route = testRoute(
      {
        authorize: (request) => ({ userId: request.headers.get('x-user') ?? undefined }),
        authorizeFeedback: (id, authorization) => {
          seen.push([id, authorization.userId]);
          if (authorization.userId === 'mallory') return new Response('no', { status: 401 });
          return owners.get(id) === authorization.userId;
        },
      },
      () => jsonReply(200, { data: null, error: null }),
    );
    const bob = await route.post('/api/helicone/feedback', { requestId, rating: false }, { 'x-user': 'bob' });
    expect(bob.response.status).toBe(403);
    expect(bob.json.error).toMatchObject({ code: 'feedback_not_allowed', type: 'permission_error' });
    const mallory = await route.post(
      '/api/helicone/feedback',
      { requestId, rating: false },
      { 'x-user': 'mallory' },
    );
    expect(mallory.response.status).toBe(401);
    expect(route.upstream.calls).toHaveLength(0);
    const alice = await route.post(
      '/api/helicone/feedback',
      { requestId, rating: true },
      { 'x-user': 'alice' },
    );
    expect(alice.response.status).toBe(200);
    expect(route.upstream.calls).toHaveLength(1);
    expect(seen).toEqual([
      [requestId, 'bob'],
      [requestId, 'mallory'],
      [requestId, 'alice'],
    ]);
  });

  it('authorizeFeedback throwing is a 500 without detail, logged redacted', async () => {
    const route = testRoute({
      authorizeFeedback: () => {
        throw new Error(`lookup failed with ${TEST_KEY}`);
      },
    });
    const { response, json } = await route.post('/api/helicone/feedback', { requestId, rating: true });
    expect(response.status).toBe(500);
    expect(json.error.code).toBe('authorize_failed');
    expect(route.log.lines.join('\n')).toContain('authorizeFeedback threw: lookup failed with [redacted]');
    expect(route.upstream.calls).toHaveLength(0);
  });
});
