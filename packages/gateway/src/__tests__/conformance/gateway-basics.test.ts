import { describe, expect, it } from 'vitest';
import { chatBody, startTestGateway } from '../helpers';

describe('HELICONE.md §1.2 auth', () => {
  it('makes a random key when none is given, and requires it', async () => {
    const { gateway, post } = await startTestGateway();
    expect(gateway.apiKey).toMatch(/^sk-helicone-local-[0-9a-f]{32}$/);
    expect((await post('/v1/chat/completions', chatBody('hi'))).status).toBe(200);
  });

  it('answers a missing or wrong key with a plain-text 401 that does not echo the key', async () => {
    const { gateway } = await startTestGateway({ apiKey: 'sk-test-secret' });
    const attempts: Record<string, string>[] = [
      {},
      { authorization: 'Bearer wrong' },
      { 'helicone-auth': 'Bearer nope' },
    ];
    for (const headers of attempts) {
      const response = await fetch(`${gateway.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(chatBody('hi')),
      });
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      const text = await response.text();
      expect(text).toBe('Invalid Helicone API key');
      expect(text).not.toContain('sk-test-secret');
    }
  });

  it('takes Helicone-Auth first, then Authorization', async () => {
    const { gateway } = await startTestGateway({ apiKey: 'sk-right' });
    const call = (headers: Record<string, string>) =>
      fetch(`${gateway.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(chatBody('hi')),
      });
    expect(
      (await call({ 'helicone-auth': 'Bearer sk-right', authorization: 'Bearer provider-key' })).status,
    ).toBe(200);
    expect(
      (await call({ 'helicone-auth': 'Bearer sk-wrong', authorization: 'Bearer sk-right' })).status,
    ).toBe(401);
    expect((await call({ authorization: 'Bearer sk-right' })).status).toBe(200);
  });
});

describe('HELICONE.md §1.3 routes', () => {
  it('refuses other methods with the real 405 text and Allow header', async () => {
    const { gateway } = await startTestGateway();
    for (const method of ['PUT', 'DELETE', 'PATCH']) {
      const response = await fetch(`${gateway.url}/v1/chat/completions`, { method });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('POST, GET');
      expect(await response.text()).toBe('Method not allowed. AI Gateway only accepts POST requests.');
    }
  });

  it('treats any POST path as a chat call, as the real gateway does (LiteLLM posts //chat/completions)', async () => {
    const { post } = await startTestGateway();
    const response = await post('//chat/completions', chatBody('hello'));
    expect(response.status).toBe(200);
    expect(((await response.json()) as { object: string }).object).toBe('chat.completion');
  });

  it('answers a missing model, a non-string model and bad JSON with the plain-text 400s', async () => {
    const { post } = await startTestGateway();
    const missing = await post('/v1/chat/completions', { messages: [] });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toBe(
      'Invalid body or missing model. See supported models at https://helicone.ai/models',
    );
    const notString = await post('/v1/chat/completions', { model: 42, messages: [] });
    expect(notString.status).toBe(400);
    expect(await notString.text()).toMatch(/^Invalid model type\. Model must be a string/);
    const badJson = await post('/v1/chat/completions', '{"model":');
    expect(badJson.status).toBe(400);
  });

  it('lists models in the OpenAI shape with registry ids and authors', async () => {
    const { gateway } = await startTestGateway();
    const list = (await (await fetch(`${gateway.url}/v1/models`)).json()) as {
      object: string;
      data: { id: string; object: string; created: number; owned_by: string }[];
    };
    expect(list.object).toBe('list');
    expect(list.data.length).toBeGreaterThanOrEqual(20);
    expect(list.data).toContainEqual({
      id: 'claude-3.5-haiku',
      object: 'model',
      created: 1729555200,
      owned_by: 'anthropic',
    });
    const ids = list.data.map((model) => model.id);
    expect(ids).toEqual(
      expect.arrayContaining(['gpt-4o-mini', 'text-embedding-3-small', 'text-embedding-3-large']),
    );
  });
});

describe('HELICONE.md §1.5 registry', () => {
  it('serves the registry shape: {data:{models,total,filters},error:null}', async () => {
    const { gateway } = await startTestGateway();
    const registry = (await (await fetch(`${gateway.url}/v1/public/model-registry/models`)).json()) as {
      data: { models: Record<string, unknown>[]; total: number };
      error: null;
    };
    expect(registry.error).toBeNull();
    expect(registry.data.total).toBe(registry.data.models.length);
    const opus = registry.data.models.find((model) => model.id === 'claude-opus-4-1');
    expect(opus).toMatchObject({
      id: 'claude-opus-4-1',
      author: 'anthropic',
      contextLength: 200000,
      maxOutput: 32000,
      endpoints: expect.arrayContaining([
        expect.objectContaining({ provider: 'vertex', providerSlug: 'google-vertex' }),
      ]),
    });
    for (const key of [
      'name',
      'trainingDate',
      'description',
      'inputModalities',
      'outputModalities',
      'supportedParameters',
    ]) {
      expect(opus).toHaveProperty(key);
    }
  });
});
