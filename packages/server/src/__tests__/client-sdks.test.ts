import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { createHelicone } from '@helicone/ai-sdk-provider';
import { generateText, streamText } from 'ai';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSecret } from './support/no-secret';
import { startRouteServer, type RouteServer } from './support/route-server';

let route: RouteServer;
let client: OpenAI;

/** The clients' fetch: every response they get is also read whole (a clone) and checked for the key. */
const checks: Promise<void>[] = [];
const checkedFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
  const response = await fetch(input, init);
  const copy = response.clone();
  checks.push(
    copy.text().then(
      (text) => {
        const headers = [...copy.headers].map(([name, value]) => `${name}: ${value}`).join('\n');
        expectNoSecret(`${headers}\n${text}`, route.gateway.apiKey, `a response to ${response.url}`);
      },
      () => undefined,
    ),
  );
  return response;
}) as typeof fetch;

beforeAll(async () => {
  route = await startRouteServer({
    authorize: (request) =>
      request.headers.get('x-test-auth') === 'deny'
        ? Response.json(
            { error: { message: 'Sign in first.', type: 'authentication_error' } },
            { status: 401 },
          )
        : { userId: 'sdk-user' },
  });
  // The browser-side SDK holds no Helicone key; what it sends as its own key is dropped by the route.
  client = new OpenAI({
    apiKey: 'not-a-helicone-key',
    baseURL: route.base,
    maxRetries: 0,
    fetch: checkedFetch,
  });
});
afterAll(async () => {
  await Promise.all(checks);
  expect(checks.length).toBeGreaterThanOrEqual(9);
  route.log.expectClean(route.gateway.apiKey);
  await route.close();
});

describe('the official openai SDK pointed at the route', () => {
  it('chat, not streamed', async () => {
    const completion = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Hello' }],
      max_tokens: 9,
    });
    expect(completion.object).toBe('chat.completion');
    expect(completion.usage?.completion_tokens).toBe(9);
    expect(typeof completion.choices[0]?.message.content).toBe('string');
  });

  it('chat, streamed, with the request id readable from the response', async () => {
    const { data: stream, response } = await client.chat.completions
      .create({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'Hello' }],
        max_tokens: 15,
        stream: true,
      })
      .withResponse();
    let text = '';
    let completionTokens: number | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      if (chunk.usage) completionTokens = chunk.usage.completion_tokens;
    }
    expect(text.length).toBeGreaterThan(0);
    expect(completionTokens).toBe(15);
    const requestId = response.headers.get('helicone-id')!;
    expect((await route.logged(requestId))?.request_user_id).toBe('sdk-user');
  });

  it('legacy completions', async () => {
    const completion = await client.completions.create({
      model: 'gpt-3.5-turbo-instruct',
      prompt: 'Say hi',
      max_tokens: 5,
    });
    expect(completion.object).toBe('text_completion');
    expect(completion.usage?.completion_tokens).toBe(5);
  });

  it('embeddings (the SDK asks for base64 and decodes it)', async () => {
    const embeddings = await client.embeddings.create({
      model: 'text-embedding-3-small',
      input: ['one fish', 'two fish'],
    });
    expect(embeddings.data).toHaveLength(2);
    expect(embeddings.data[0]?.embedding).toHaveLength(1536);
  });

  it('error classes: 400, 401, 429, 500', async () => {
    const messages = [{ role: 'user' as const, content: 'x' }];
    await expect(client.chat.completions.create({ model: 'gpt 4o', messages })).rejects.toBeInstanceOf(
      OpenAI.BadRequestError,
    );
    await expect(
      client.chat.completions.create(
        { model: 'gpt-4o-mini', messages },
        { headers: { 'x-test-auth': 'deny' } },
      ),
    ).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    try {
      route.gateway.setFaults({ '*': { type: 'status', status: 429 } });
      const rateLimited = client.chat.completions.create({ model: 'gpt-4o-mini', messages });
      await expect(rateLimited).rejects.toBeInstanceOf(OpenAI.RateLimitError);
      route.gateway.setFaults({ '*': { type: 'status', status: 500 } });
      const failed = client.chat.completions.create({ model: 'gpt-4o-mini', messages, stream: true });
      await expect(failed).rejects.toBeInstanceOf(OpenAI.InternalServerError);
    } finally {
      route.gateway.setFaults({});
    }
    const error = await client.chat.completions
      .create({ model: 'gpt 4o', messages })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as InstanceType<typeof OpenAI.BadRequestError>).param).toBe('model');
  });
});

describe('the Vercel AI SDK through the route', () => {
  it('@ai-sdk/openai-compatible with streamText', async () => {
    const provider = createOpenAICompatible({
      name: 'helicone-route',
      baseURL: route.base,
      includeUsage: true,
    });
    const result = streamText({
      model: provider('gpt-4o-mini'),
      prompt: 'Write two sentences.',
      maxOutputTokens: 20,
    });
    let streamed = '';
    for await (const delta of result.textStream) streamed += delta;
    expect(streamed.length).toBeGreaterThan(0);
    expect(await result.text).toBe(streamed);
    expect((await result.usage).outputTokens).toBe(20);
    expect(await result.finishReason).toBe('length');
  });

  it("Helicone's own @helicone/ai-sdk-provider (it posts to {baseURL}/v1/chat/completions)", async () => {
    const helicone = createHelicone({ apiKey: 'not-a-helicone-key', baseURL: route.base });
    const generated = await generateText({
      model: helicone('gpt-4o-mini'),
      prompt: 'Hello',
      maxOutputTokens: 7,
    });
    expect(generated.text.length).toBeGreaterThan(0);
    expect(generated.usage.outputTokens).toBe(7);
    const streamed = streamText({ model: helicone('gpt-4o-mini'), prompt: 'Hello', maxOutputTokens: 7 });
    expect((await streamed.text).length).toBeGreaterThan(0);
  });
});
