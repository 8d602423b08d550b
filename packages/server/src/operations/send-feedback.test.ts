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
});
