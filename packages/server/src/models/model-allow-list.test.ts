import { describe, expect, it } from 'vitest';
import { chatBody, testRoute } from '../__tests__/support/test-route';

// Every model string of the seed document and HELICONE.md §1.4, and the gateway form the route forwards.
const seedModels: [string, string][] = [
  ['helicone/gpt-4', 'gpt-4'],
  ['helicone/claude-3.5-haiku/anthropic', 'claude-3.5-haiku/anthropic'],
  [
    'helicone/gpt-4o-mini/openai,claude-3-5-sonnet-20241022/anthropic',
    'gpt-4o-mini/openai,claude-3-5-sonnet-20241022/anthropic',
  ],
  ['gpt-4o-mini,!openrouter', 'gpt-4o-mini,!openrouter'],
  ['gpt-4o/azure/clm1a2b3c', 'gpt-4o/azure/clm1a2b3c'],
  ['gpt-4o-mini', 'gpt-4o-mini'],
  ['claude-3.5-haiku/anthropic', 'claude-3.5-haiku/anthropic'],
  ['gpt-4o/openai,claude-sonnet-4', 'gpt-4o/openai,claude-sonnet-4'],
  ['gpt-4o:online', 'gpt-4o:online'],
  [' gpt-4o-mini , claude-3.5-haiku / anthropic ', 'gpt-4o-mini,claude-3.5-haiku/anthropic'],
];

describe('model strings', () => {
  it.each(seedModels)('forwards %j as %j when no allow-list is set', async (model, forwarded) => {
    const { post, upstream } = testRoute();
    const { response } = await post('/api/helicone/chat/completions', chatBody({ model }));
    expect(response.status).toBe(200);
    expect((upstream.last.json as { model: string }).model).toBe(forwarded);
  });

  // `helicone/helicone/openai`: the model `helicone` on `openai`, whose gateway form would read back as the prefix.
  it.each([
    '',
    '   ',
    'gpt-4o,',
    'gpt 4o',
    'a/b/c/d',
    'gpt-4o,!',
    'helicone/',
    '/openai',
    'helicone/helicone/openai',
  ])('400 invalid_model for %j', async (model) => {
    const { post, upstream } = testRoute();
    const { response, json } = await post('/api/helicone/chat/completions', chatBody({ model }));
    expect(response.status).toBe(400);
    expect(json.error.code).toBe('invalid_model');
    expect(json.error.param).toBe('model');
    expect(upstream.calls).toHaveLength(0);
  });
});

describe('long model strings', () => {
  it('are not echoed back whole', async () => {
    const { post } = testRoute();
    const { json } = await post(
      '/api/helicone/chat/completions',
      chatBody({ model: `${'a'.repeat(100_000)} b` }),
    );
    expect(json.error.code).toBe('invalid_model');
    expect(json.error.message.length).toBeLessThanOrEqual(500);
  });
});

describe('models allow-list', () => {
  const models = [
    'gpt-4o-mini',
    'claude-3.5-haiku/anthropic',
    'claude-3-5-sonnet-*/anthropic',
    '*/deepinfra',
    'gpt-4o/azure/clm1a2b3c',
    'text-embedding-3-*',
  ];

  it.each([
    ['gpt-4o-mini', 'gpt-4o-mini'],
    ['helicone/gpt-4o-mini', 'gpt-4o-mini'],
    ['gpt-4o-mini/openai', 'gpt-4o-mini/openai'],
    ['GPT-4o-mini', 'GPT-4o-mini'],
    ['claude-3.5-haiku/anthropic', 'claude-3.5-haiku/anthropic'],
    [
      'helicone/gpt-4o-mini/openai,claude-3-5-sonnet-20241022/anthropic',
      'gpt-4o-mini/openai,claude-3-5-sonnet-20241022/anthropic',
    ],
    ['gpt-4o-mini,!openrouter', 'gpt-4o-mini,!openrouter'],
    ['llama-3.3-70b/deepinfra', 'llama-3.3-70b/deepinfra'],
    ['gpt-4o/azure/clm1a2b3c', 'gpt-4o/azure/clm1a2b3c'],
  ])('allows %j', async (model, forwarded) => {
    const { post, upstream } = testRoute({ models });
    const { response } = await post('/api/helicone/chat/completions', chatBody({ model }));
    expect(response.status).toBe(200);
    expect((upstream.last.json as { model: string }).model).toBe(forwarded);
  });

  it.each([
    ['gpt-4o', 'gpt-4o'],
    ['helicone/gpt-4', 'gpt-4'],
    ['claude-3.5-haiku', 'claude-3.5-haiku'],
    ['claude-3.5-haiku/bedrock', 'claude-3.5-haiku/bedrock'],
    ['gpt-4o-mini,gpt-4o', 'gpt-4o'],
    ['gpt-4o-mini:online', 'gpt-4o-mini:online'],
    ['gpt-4o-mini/openai/my-deployment', 'gpt-4o-mini/openai/my-deployment'],
    ['gpt-4o/azure/other', 'gpt-4o/azure/other'],
  ])('refuses %j with a 400 naming %j', async (model, named) => {
    const { post, upstream } = testRoute({ models });
    const { response, json } = await post('/api/helicone/chat/completions', chatBody({ model }));
    expect(response.status).toBe(400);
    expect(json.error.code).toBe('model_not_allowed');
    expect(json.error.param).toBe('model');
    expect(json.error.message).toContain(JSON.stringify(named));
    expect(upstream.calls).toHaveLength(0);
  });

  it('applies to embeddings and completions too', async () => {
    const { post } = testRoute({ models });
    expect(
      (await post('/api/helicone/embeddings', { model: 'text-embedding-3-large', input: 'x' })).response
        .status,
    ).toBe(200);
    expect(
      (await post('/api/helicone/completions', { model: 'gpt-3.5-turbo-instruct', prompt: 'x' })).response
        .status,
    ).toBe(400);
  });
});
