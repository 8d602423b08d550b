import { describe, expect, it } from 'vitest';
import { chatBody, testRoute } from '../__tests__/support/test-route';

describe('budgets', () => {
  it('sends each user budget as a cents policy per user', async () => {
    const { post, upstream } = testRoute({
      budgets: { cents: 500, windowSeconds: 86_400 },
      authorize: (request) => ({ userId: request.headers.get('x-test-user') ?? 'nobody' }),
      clientMay: { rateLimitPolicy: true },
    });
    await post('/api/helicone/chat/completions', chatBody(), {
      'x-test-user': 'alice',
      'helicone-ratelimit-policy': '100000;w=60',
    });
    expect(upstream.last.headers.get('helicone-ratelimit-policy')).toBe('500;w=86400;u=cents;s=user');
    expect(upstream.last.headers.get('helicone-user-id')).toBe('alice');
  });

  it('a function gives per-user budgets; undefined means none for that user', async () => {
    const { post, upstream } = testRoute({
      budgets: (userId) =>
        userId === 'admin' ? undefined : { cents: userId === 'pro' ? 10_000 : 100, windowSeconds: 3600 },
      authorize: (request) => ({ userId: request.headers.get('x-test-user')! }),
    });
    await post('/api/helicone/chat/completions', chatBody(), { 'x-test-user': 'pro' });
    expect(upstream.last.headers.get('helicone-ratelimit-policy')).toBe('10000;w=3600;u=cents;s=user');
    await post('/api/helicone/chat/completions', chatBody(), { 'x-test-user': 'free' });
    expect(upstream.last.headers.get('helicone-ratelimit-policy')).toBe('100;w=3600;u=cents;s=user');
    await post('/api/helicone/chat/completions', chatBody(), { 'x-test-user': 'admin' });
    expect(upstream.last.headers.get('helicone-ratelimit-policy')).toBeNull();
  });

  it('refuses a call without a user id when budgets are set (401), and a broken budget function (500, logged)', async () => {
    const anonymous = testRoute({ budgets: { cents: 100, windowSeconds: 3600 }, authorize: () => undefined });
    const { response, json } = await anonymous.post('/api/helicone/chat/completions', chatBody());
    expect(response.status).toBe(401);
    expect(json.error.code).toBe('user_required');
    expect(anonymous.upstream.calls).toHaveLength(0);

    const broken = testRoute({
      budgets: () => ({ cents: -1, windowSeconds: 3600 }),
      authorize: () => ({ userId: 'u' }),
    });
    const result = await broken.post('/api/helicone/chat/completions', chatBody());
    expect(result.response.status).toBe(500);
    expect(broken.log.lines.join('\n')).toMatch(/cents/);
  });
});
