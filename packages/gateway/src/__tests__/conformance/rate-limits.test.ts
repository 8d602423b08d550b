import { parseGatewayError } from '@helicone-kit/core';
import { describe, expect, it } from 'vitest';
import { chatBody, startTestGateway } from '../helpers';

describe('HELICONE.md §2.3 rate limits', () => {
  it('limits requests per window with the RateLimit headers, then 429s', async () => {
    const { post } = await startTestGateway();
    const policy = { 'helicone-ratelimit-policy': '2;w=60' };
    const first = await post('/v1/chat/completions', chatBody('x'), policy);
    expect(first.headers.get('helicone-ratelimit-limit')).toBe('2');
    expect(first.headers.get('helicone-ratelimit-remaining')).toBe('1');
    expect(first.headers.get('helicone-ratelimit-policy')).toBe('2;w=60');
    expect(Number(first.headers.get('helicone-ratelimit-reset'))).toBe(60);
    expect(
      (await post('/v1/chat/completions', chatBody('x'), policy)).headers.get('helicone-ratelimit-remaining'),
    ).toBe('0');
    const limited = await post('/v1/chat/completions', chatBody('x'), policy);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('helicone-ratelimit-remaining')).toBe('0');
    const text = await limited.text();
    expect(JSON.parse(text)).toMatchObject({
      success: false,
      error: { code: 'rate_limited', message: 'Rate limited' },
    });
    const error = parseGatewayError(429, text, limited.headers);
    expect(error.code).toBe('rate_limited');
    expect(error.isRetryable).toBe(true);
  });

  it('opens a new window after w seconds (scaled)', async () => {
    // A 60 s window scaled by 0.01 lasts 600 ms: time enough for the second call to land inside it.
    const { post } = await startTestGateway({ timeScale: 0.01 });
    const policy = { 'helicone-ratelimit-policy': '1;w=60;u=request' };
    expect((await post('/v1/chat/completions', chatBody('x'), policy)).status).toBe(200);
    expect((await post('/v1/chat/completions', chatBody('x'), policy)).status).toBe(429);
    await new Promise((resolve) => setTimeout(resolve, 650));
    expect((await post('/v1/chat/completions', chatBody('x'), policy)).status).toBe(200);
  });

  it('limits per user and per property value', async () => {
    const { post } = await startTestGateway();
    const perUser = { 'helicone-ratelimit-policy': '1;w=60;s=user' };
    expect(
      (await post('/v1/chat/completions', chatBody('x'), { ...perUser, 'helicone-user-id': 'a' })).status,
    ).toBe(200);
    expect(
      (await post('/v1/chat/completions', chatBody('x'), { ...perUser, 'helicone-user-id': 'a' })).status,
    ).toBe(429);
    expect(
      (await post('/v1/chat/completions', chatBody('x'), { ...perUser, 'helicone-user-id': 'b' })).status,
    ).toBe(200);
    const perTeam = { 'helicone-ratelimit-policy': '1;w=60;s=team' };
    const normalized = await post('/v1/chat/completions', chatBody('x'), {
      ...perTeam,
      'helicone-property-team': 'red',
    });
    expect(normalized.headers.get('helicone-ratelimit-policy')).toBe('1;w=60;s=team');
    expect(
      (await post('/v1/chat/completions', chatBody('x'), { ...perTeam, 'helicone-property-team': 'red' }))
        .status,
    ).toBe(429);
    expect(
      (await post('/v1/chat/completions', chatBody('x'), { ...perTeam, 'helicone-property-team': 'blue' }))
        .status,
    ).toBe(200);
  });

  it('limits spend in cents: user A is refused once over budget, user B is not', async () => {
    const { post, rows } = await startTestGateway();
    const policy = { 'helicone-ratelimit-policy': '1;w=3600;u=cents;s=user' };
    const long = chatBody('a long answer please', { model: 'gpt-4o' });
    let status = 200;
    let calls = 0;
    while (status === 200 && calls < 200) {
      status = (await post('/v1/chat/completions', long, { ...policy, 'helicone-user-id': 'A' })).status;
      calls++;
    }
    expect(status).toBe(429);
    const spentCents = rows()
      .filter((row) => row.user_id === 'A' && row.status === 'success')
      .reduce((sum, row) => sum + (row.cost_usd as number) * 100, 0);
    expect(spentCents).toBeGreaterThanOrEqual(1);
    expect(
      spentCents - (rows().find((row) => row.status === 'success')!.cost_usd as number) * 100,
    ).toBeLessThan(1);
    expect((await post('/v1/chat/completions', long, { ...policy, 'helicone-user-id': 'B' })).status).toBe(
      200,
    );
  });

  it('lets a malformed policy through without limiting, with a warning', async () => {
    const { post, warnings } = await startTestGateway();
    for (const policy of ['10;w=5', 'ten;w=60', '10;w=60;u=dollars', '0;w=60']) {
      const response = await post('/v1/chat/completions', chatBody('x'), {
        'helicone-ratelimit-policy': policy,
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('helicone-ratelimit-limit')).toBeNull();
    }
    expect(
      warnings.filter((warning) => warning.startsWith('Invalid Helicone-RateLimit-Policy')),
    ).toHaveLength(4);
  });

  it('ignores the misspelt Helicone-Rate-Limit-Policy of the LiteLLM docs (§8), warning once', async () => {
    const { post, warnings } = await startTestGateway();
    const misspelt = { 'helicone-rate-limit-policy': '1;w=60' };
    for (let call = 0; call < 3; call++) {
      const response = await post('/v1/chat/completions', chatBody('x'), misspelt);
      expect(response.status).toBe(200);
      expect(response.headers.get('helicone-ratelimit-limit')).toBeNull();
    }
    expect(warnings.filter((warning) => warning.includes('Helicone-Rate-Limit-Policy'))).toHaveLength(1);
    // The real name next to it still limits.
    const both = { ...misspelt, 'helicone-ratelimit-policy': '1;w=60;s=user', 'helicone-user-id': 'u' };
    expect((await post('/v1/chat/completions', chatBody('x'), both)).status).toBe(200);
    expect((await post('/v1/chat/completions', chatBody('x'), both)).status).toBe(429);
  });

  it('normalizes the policy it echoes: u=request and a global s are left out', async () => {
    const { post } = await startTestGateway();
    const echoed = async (policy: string, extra: Record<string, string> = {}) =>
      (
        await post('/v1/chat/completions', chatBody('x'), { 'helicone-ratelimit-policy': policy, ...extra })
      ).headers.get('helicone-ratelimit-policy');
    expect(await echoed('10;w=60;u=request')).toBe('10;w=60');
    expect(await echoed('10;W=120;U=REQUEST;S=user', { 'helicone-user-id': 'u' })).toBe('10;w=120;s=user');
    expect(await echoed('500;w=3600;u=cents')).toBe('500;w=3600;u=cents');
  });

  it('fails open, with a warning, when the request lacks the policy segment', async () => {
    const { post, warnings } = await startTestGateway();
    for (const policy of ['1;w=60;s=user', '1;w=60;s=team']) {
      for (let call = 0; call < 2; call++) {
        const response = await post('/v1/chat/completions', chatBody('x'), {
          'helicone-ratelimit-policy': policy,
        });
        expect(response.status).toBe(200);
        expect(response.headers.get('helicone-ratelimit-limit')).toBeNull();
      }
    }
    expect(warnings.filter((warning) => warning.includes('needs Helicone-User-Id'))).toHaveLength(2);
    expect(warnings.filter((warning) => warning.includes('needs Helicone-Property-team'))).toHaveLength(2);
  });

  it('reports Helicone-RateLimit-Reset in real seconds when timeScale shrinks the window', async () => {
    const { post } = await startTestGateway({ timeScale: 0.01 });
    const response = await post('/v1/chat/completions', chatBody('x'), {
      'helicone-ratelimit-policy': '5;w=600',
    });
    // The window lasts 6 s here, but the header speaks of the real gateway's 600 s.
    expect(response.headers.get('helicone-ratelimit-reset')).toBe('600');
  });
});
