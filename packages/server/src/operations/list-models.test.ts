import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonReply } from '../__tests__/support/recording-upstream';
import { testRoute } from '../__tests__/support/test-route';

const registry = JSON.parse(
  readFileSync(
    new URL('../../../../fixtures/helicone/helicone-model-registry.excerpt-1-model.json', import.meta.url),
    'utf8',
  ),
);
const gatewayList = {
  object: 'list',
  data: [
    { id: 'claude-opus-4-1', object: 'model', created: 1754352000, owned_by: 'anthropic' },
    { id: 'gpt-4o-mini', object: 'model', created: 1721260800, owned_by: 'openai' },
  ],
};

function sources(options: { gateway?: boolean; registry?: boolean } = {}) {
  return (call: { url: string }) => {
    if (call.url === 'https://gateway.test/v1/models') {
      return options.gateway === false ? new Response('down', { status: 503 }) : jsonReply(200, gatewayList);
    }
    if (call.url === 'https://api.test/v1/public/model-registry/models') {
      return options.registry === false ? new Response('down', { status: 503 }) : jsonReply(200, registry);
    }
    return new Response('unexpected', { status: 500 });
  };
}

describe('GET {base}/models', () => {
  it("merges the gateway's list with the registry's details and prices", async () => {
    const { send, upstream } = testRoute({}, sources());
    const { response, json } = await send('/api/helicone/models');
    expect(response.status).toBe(200);
    expect(json.object).toBe('list');
    const opus = json.data.find((model: { id: string }) => model.id === 'claude-opus-4-1');
    expect(opus).toEqual({
      id: 'claude-opus-4-1',
      object: 'model',
      created: 1754352000,
      owned_by: 'anthropic',
      name: 'Anthropic: Claude Opus 4.1',
      provider: 'anthropic',
      providers: ['anthropic', 'vertex', 'bedrock', 'helicone', 'openrouter'],
      contextWindow: 200000,
      maxOutput: 32000,
      capabilities: {
        input: ['text', 'image'],
        output: ['text'],
        tools: true,
        reasoning: true,
        embeddings: false,
      },
      pricing: { input: 15, output: 75, cachedInput: 1.5, cacheWrite: 18.75, source: 'registry' },
    });
    // Not in the registry excerpt: the price comes from @helicone-kit/core/prices (gpt-4o-mini: $0.15 / $0.60 per 1M).
    const mini = json.data.find((model: { id: string }) => model.id === 'gpt-4o-mini');
    expect(mini.pricing).toMatchObject({ input: 0.15, output: 0.6, source: 'prices' });
    expect(mini.capabilities).toBeUndefined();
    // The registry is public: the key goes to the gateway only.
    const registryCall = upstream.calls.find((call) => call.url.includes('model-registry'))!;
    expect(registryCall.headers.get('authorization')).toBeNull();
  });

  it('is cached: a second request does not call the sources again', async () => {
    const { send, upstream } = testRoute({}, sources());
    await send('/api/helicone/models');
    const calls = upstream.calls.length;
    await send('/api/helicone/models');
    await send('/api/helicone/v1/models');
    expect(upstream.calls.length).toBe(calls);
  });

  it('lists only what the allow-list allows, per provider when it names providers', async () => {
    const { send } = testRoute(
      { models: ['claude-opus-4-1/anthropic', 'claude-opus-4-1/vertex', 'my-finetune/openai'] },
      sources(),
    );
    const { json } = await send('/api/helicone/models');
    expect(json.data.map((model: { id: string }) => model.id)).toEqual([
      'claude-opus-4-1/anthropic',
      'claude-opus-4-1/vertex',
      'my-finetune/openai',
    ]);
    expect(json.data[1].providers).toEqual(['vertex']);
    expect(json.data[1].pricing.source).toBe('registry');
    expect(json.data[2]).toMatchObject({
      id: 'my-finetune/openai',
      providers: ['openai'],
      name: 'my-finetune',
    });
    expect(json.data[2].pricing).toBeUndefined();
  });

  it('falls back to the configured list when neither source answers, with library prices', async () => {
    const route = testRoute(
      { models: ['gpt-4o-mini', 'claude-3.5-haiku/anthropic', 'gpt-*'] },
      sources({ gateway: false, registry: false }),
    );
    const { response, json } = await route.send('/api/helicone/models');
    expect(response.status).toBe(200);
    expect(json.data.map((model: { id: string }) => model.id)).toEqual([
      'gpt-4o-mini',
      'claude-3.5-haiku/anthropic',
    ]);
    expect(json.data[0].pricing).toMatchObject({ input: 0.15, output: 0.6, source: 'prices' });
    expect(json.data[1].pricing).toMatchObject({ input: 0.8, output: 4, source: 'prices' });
    expect(route.log.lines.some((line) => line.includes("the gateway's model list"))).toBe(true);
  });

  it('the warning for a source that fails names it, never the URL path (a key may sit in it)', async () => {
    const route = testRoute(
      {
        baseURL: 'https://gateway.test/path-held-secret-77aa/v1',
        apiBaseURL: 'https://api.test/other-secret-88bb',
      },
      sources({ gateway: false, registry: false }),
    );
    await route.send('/api/helicone/models');
    const log = route.log.lines.join('\n');
    expect(log).toContain("GET the gateway's model list: status 500.");
    expect(log).toContain("GET Helicone's model registry: status 500.");
    expect(log).not.toContain('path-held-secret');
    expect(log).not.toContain('other-secret');
  });

  it('uses the registry ids when the gateway list is down', async () => {
    const { send } = testRoute({}, sources({ gateway: false }));
    const { json } = await send('/api/helicone/models');
    expect(json.data.map((model: { id: string }) => model.id)).toEqual(['claude-opus-4-1']);
  });
});
