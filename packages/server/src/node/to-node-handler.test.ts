import { ChatCompletionAccumulator, parseChatCompletionStream } from '@helicone-kit/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readChecked } from '../__tests__/support/no-secret';
import { startRouteServer, type RouteServer } from '../__tests__/support/route-server';

let route: RouteServer;

beforeAll(async () => {
  route = await startRouteServer(
    {
      authorize: (request) => ({ userId: request.headers.get('x-test-user') ?? 'socket-user' }),
      clientMay: { properties: ['Feature'] },
    },
    // Fast, but slow enough that a stream can be cut in the middle.
    { pace: { firstTokenMs: 0, tokensPerSecond: 2000 } },
  );
});
afterAll(async () => {
  route.log.expectClean(route.gateway.apiKey);
  await route.close();
});

const post = (path: string, body: unknown, init: RequestInit = {}) =>
  fetch(`${route.base}${path}`, {
    method: 'POST',
    ...init,
    headers: { 'content-type': 'application/json', ...(init.headers as Record<string, string>) },
    body: JSON.stringify(body),
  });

describe('node adapter over real sockets, against the local gateway', () => {
  it('non-streaming chat: the answer, the ids, and the headers that reached the gateway', async () => {
    const response = await post(
      '/chat/completions',
      { model: 'helicone/gpt-4o-mini', messages: [{ role: 'user', content: 'Say hello' }], max_tokens: 12 },
      {
        headers: {
          'helicone-property-feature': 'socket-test',
          'helicone-session-id': 'session-9',
          'x-test-user': 'ada',
        },
      },
    );
    const text = await readChecked(response, route.gateway.apiKey);
    expect(response.status).toBe(200);
    const completion = JSON.parse(text);
    expect(completion.object).toBe('chat.completion');
    expect(completion.usage.completion_tokens).toBe(12);
    expect(completion.choices[0].finish_reason).toBe('length');
    const requestId = response.headers.get('helicone-id')!;
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('helicone-provider')).toBe('openai');
    expect(response.headers.get('cache-control')).toBe('no-store');

    const logged = await route.logged(requestId);
    expect(logged).toMatchObject({
      request_id: requestId,
      request_model: 'gpt-4o-mini',
      request_user_id: 'ada',
      session_id: 'session-9',
      status: 'success',
      completion_tokens: 12,
    });
    // Header names travel lower-cased (fetch and node:http both do that), so the property arrives as `feature`.
    expect(logged!.request_properties).toMatchObject({ feature: 'socket-test' });
  });

  it('streaming chat: SSE chunk by chunk, ending with the usage chunk and [DONE]', async () => {
    const response = await post('/chat/completions', {
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Write a list' }],
      max_tokens: 40,
      stream: true,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const raw = await readChecked(response, route.gateway.apiKey);
    const accumulator = new ChatCompletionAccumulator();
    for await (const chunk of parseChatCompletionStream(new Response(raw).body!)) accumulator.add(chunk);
    expect(raw.trimEnd().endsWith('data: [DONE]')).toBe(true);
    expect(accumulator.usage?.completion_tokens).toBe(40);
    expect(accumulator.choices.get(0)?.finishReason).toBe('length');
    expect(accumulator.choices.get(0)?.content?.length).toBeGreaterThan(0);
  });

  it('errors: the route’s own 400, the gateway’s 400 for an unknown model, a provider 500 fault', async () => {
    const bad = await post('/chat/completions', { model: 'gpt-4o-mini' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(await readChecked(bad, route.gateway.apiKey)).error.param).toBe('messages');

    const unknown = await post('/chat/completions', {
      model: 'no-such-model',
      messages: [{ role: 'user', content: 'x' }],
    });
    expect(unknown.status).toBe(400);
    expect(JSON.parse(await readChecked(unknown, route.gateway.apiKey)).error.message).toMatch(
      /Unknown model/,
    );

    route.gateway.setFaults({ '*': { type: 'status', status: 500, message: 'provider exploded' } });
    try {
      const failed = await post('/chat/completions', {
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'x' }],
        stream: true,
      });
      expect(failed.status).toBe(500);
      const body = JSON.parse(await readChecked(failed, route.gateway.apiKey));
      expect(Object.keys(body.error).sort()).toEqual(['code', 'message', 'param', 'type']);
    } finally {
      route.gateway.setFaults({});
    }
  });

  it('Helicone prompt fields instead of messages: the gateway expands the prompt, and its 400 for a bad input comes back', async () => {
    const created = await fetch(`${route.gateway.url}/v1/prompt-2025`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${route.gateway.apiKey}` },
      body: JSON.stringify({
        name: 'greeting',
        promptBody: {
          model: 'gpt-4o-mini',
          messages: [{ role: 'user', content: 'Greet {{hc:city:string}} in {{hc:count:number}} words' }],
        },
      }),
    });
    expect(created.status).toBe(201);
    const { data } = (await created.json()) as { data: { id: string } };

    const answer = await post('/chat/completions', {
      model: 'gpt-4o-mini',
      prompt_id: data.id,
      inputs: { city: 'Paris', count: 5 },
      max_tokens: 6,
    });
    const completion = JSON.parse(await readChecked(answer, route.gateway.apiKey));
    expect(answer.status).toBe(200);
    expect(completion.usage.completion_tokens).toBe(6);
    expect((await route.logged(answer.headers.get('helicone-id')!))?.prompt_id).toBe(data.id);

    const wrongType = await post('/chat/completions', {
      model: 'gpt-4o-mini',
      prompt_id: data.id,
      inputs: { city: 'Paris', count: 'five' },
    });
    expect(wrongType.status).toBe(400);
    expect(JSON.parse(await readChecked(wrongType, route.gateway.apiKey)).error.message).toMatch(
      /Variable 'count'/,
    );
  });

  it("GET /models lists the gateway's models with registry details and prices", async () => {
    const response = await fetch(`${route.base}/models`);
    const list = JSON.parse(await readChecked(response, route.gateway.apiKey));
    expect(response.status).toBe(200);
    const ids = list.data.map((model: { id: string }) => model.id);
    expect(ids).toEqual(
      expect.arrayContaining(['gpt-4o-mini', 'claude-3.5-haiku', 'text-embedding-3-small']),
    );
    const haiku = list.data.find((model: { id: string }) => model.id === 'claude-3.5-haiku');
    expect(haiku.providers[0]).toBe('anthropic');
    expect(haiku.contextWindow).toBeGreaterThan(0);
    expect(haiku.pricing).toMatchObject({ input: 0.8, output: 4 });
  });

  it('POST /feedback reaches the gateway log', async () => {
    const answer = await post('/chat/completions', {
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Rate me' }],
      max_tokens: 3,
    });
    await readChecked(answer, route.gateway.apiKey);
    const requestId = answer.headers.get('helicone-id')!;
    const feedback = await post('/feedback', { requestId, rating: false });
    expect(feedback.status).toBe(200);
    expect(JSON.parse(await readChecked(feedback, route.gateway.apiKey))).toEqual({
      requestId,
      rating: false,
    });
    expect((await route.logged(requestId))?.feedback_rating).toBe(false);
  });

  it('a stream the gateway cuts mid-way reaches the client as a cut, never as a clean end', async () => {
    route.gateway.setFaults({ '*': { type: 'cut', afterTokens: 5 } });
    try {
      const response = await post('/chat/completions', {
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'Write a list' }],
        max_tokens: 40,
        stream: true,
      });
      expect(response.status).toBe(200);
      await expect(response.text()).rejects.toThrow();
    } finally {
      route.gateway.setFaults({});
    }
  });

  it('200 streams aborted at random points: no open request left, each logged cancelled with fewer tokens than a full answer', async () => {
    const maxTokens = 400;
    let seed = 20261127;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const body = {
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Tell me a long story' }],
      max_tokens: maxTokens,
      stream: true,
    };
    // One full answer to the same prompt first: what an aborted stream must fall short of.
    const fullId = crypto.randomUUID();
    const full = await post('/chat/completions', body, { headers: { 'helicone-request-id': fullId } });
    await full.text();
    await vi.waitFor(async () => expect((await route.logged(fullId))?.status).toBe('success'));
    const fullTokens = (await route.logged(fullId))!.completion_tokens as number;
    expect(fullTokens).toBeGreaterThan(40);

    const ids: string[] = [];
    const abortOne = async () => {
      const requestId = crypto.randomUUID();
      ids.push(requestId);
      const controller = new AbortController();
      const response = await post('/chat/completions', body, {
        headers: { 'helicone-request-id': requestId },
        signal: controller.signal,
      });
      expect(response.headers.get('helicone-id')).toBe(requestId);
      const reader = response.body!.getReader();
      const readsBeforeAbort = Math.floor(random() * 40);
      for (let index = 0; index < readsBeforeAbort; index += 1) await reader.read();
      controller.abort();
      await reader.read().catch(() => undefined);
    };
    for (let batch = 0; batch < 10; batch += 1) {
      await Promise.all(Array.from({ length: 20 }, abortOne));
    }
    expect(ids).toHaveLength(200);
    await vi.waitFor(() => expect(route.gateway.stats().openRequests).toBe(0), {
      timeout: 10_000,
      interval: 20,
    });

    for (const requestId of ids) {
      const logged = await route.logged(requestId);
      expect(logged, requestId).toBeDefined();
      expect(logged!.status, requestId).toBe('cancelled');
      expect(logged!.completion_tokens as number, requestId).toBeLessThan(fullTokens);
    }
  }, 60_000);
});
