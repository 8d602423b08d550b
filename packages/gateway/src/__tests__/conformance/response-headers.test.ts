import { readHeliconeResponse } from '@helicone-kit/core';
import { describe, expect, it } from 'vitest';
import { chatBody, startTestGateway } from '../helpers';

describe('HELICONE.md §3.1 response headers, read back with core', () => {
  it('sends Helicone-Id, -Status, -Provider, -Model, -Gateway-Mode, -Cache and -RateLimit-*', async () => {
    const { post } = await startTestGateway();
    const id = '9e2f0c1a-3b4d-4e5f-a6b7-c8d9e0f1a2b3';
    const headers = {
      'helicone-request-id': id,
      'helicone-cache-enabled': 'true',
      'helicone-ratelimit-policy': '5;w=60;s=user',
      'helicone-user-id': 'u',
    };
    await post('/v1/chat/completions', chatBody('headers', { model: 'claude-3.5-haiku' }), headers);
    const response = await post(
      '/v1/chat/completions',
      chatBody('headers', { model: 'claude-3.5-haiku' }),
      headers,
    );
    expect(readHeliconeResponse(response.headers)).toMatchObject({
      requestId: id,
      status: 'success',
      provider: 'anthropic',
      model: 'claude-3-5-haiku-20241022',
      gatewayMode: 'PTB',
      cache: { status: 'HIT', bucketIndex: 0 },
      rateLimit: {
        limit: 5,
        remaining: 3,
        policy: { quota: 5, windowSeconds: 60, unit: 'request', segment: 'user' },
      },
    });
    const failed = await post('/v1/chat/completions', chatBody('x', { model: 'nope' }));
    expect(readHeliconeResponse(failed.headers).status).toBe('failed');
  });
});

describe('prices and cost from @helicone-kit/core/prices', () => {
  it('puts registry prices (USD per 1M tokens) on the endpoints it knows, and none on the others', async () => {
    const { gateway } = await startTestGateway();
    const registry = (await (await fetch(`${gateway.url}/v1/public/model-registry/models`)).json()) as {
      data: { models: { id: string; endpoints: { provider: string; pricing?: unknown }[] }[] };
    };
    const endpoint = (model: string, provider: string) =>
      registry.data.models
        .find((entry) => entry.id === model)!
        .endpoints.find((entry) => entry.provider === provider)!;
    expect(endpoint('gpt-4o-mini', 'openai').pricing).toEqual({
      prompt: 0.15,
      completion: 0.6,
      cacheRead: 0.075,
    });
    expect(endpoint('claude-3.5-haiku', 'anthropic').pricing).toEqual({
      prompt: 0.8,
      completion: 4,
      cacheRead: 0.08,
      cacheWrite: 1,
    });
    expect(endpoint('text-embedding-3-small', 'openai').pricing).toBeUndefined();
  });

  it('logs the cost of each call as tokens × price, and null when the price is unknown', async () => {
    const { post, rows } = await startTestGateway();
    const answer = (await (
      await post('/v1/chat/completions', chatBody('cost', { plugins: [{ id: 'web' }] }))
    ).json()) as {
      usage: { prompt_tokens: number; completion_tokens: number };
    };
    await post('/v1/embeddings', { model: 'text-embedding-3-small', input: 'cost' });
    const [chat, embedding] = rows();
    expect(chat!.cost_usd as number).toBeCloseTo(
      (answer.usage.prompt_tokens * 0.15 + answer.usage.completion_tokens * 0.6) / 1e6,
      12,
    );
    expect(JSON.parse(chat!.request_body as string)).toHaveProperty('plugins');
    expect(embedding!.cost_usd).toBeNull();
  });
});
