import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonReply, sseReply } from '../__tests__/support/recording-upstream';
import { BASE, chatBody, TEST_KEY, testRoute } from '../__tests__/support/test-route';
import { EXPOSED_HEADERS } from '../cors/cors-headers';

const fixture = readFileSync(
  new URL('../../../../fixtures/openai-stream/openai-stream-text-usage.gpt-4o.sse', import.meta.url),
  'utf8',
);

/** The fixture cut into uneven pieces, as a network would deliver it. */
function pieces(text: string): string[] {
  const result: string[] = [];
  for (let start = 0, size = 1; start < text.length; start += size, size = (size % 97) + 13) {
    result.push(text.slice(start, start + size));
  }
  return result;
}

describe('streaming', () => {
  it('passes the SSE bytes through unchanged, with no-store and the upstream status and headers', async () => {
    const { post, upstream } = testRoute({}, () =>
      sseReply(pieces(fixture), {
        'helicone-id': '8f7a2b5c-9d0e-4f34-8a52-1c9b4d6e3f0e',
        'helicone-provider': 'openai',
        'helicone-model': 'gpt-4o-2024-08-06',
        'helicone-cache': 'MISS',
        'helicone-ratelimit-limit': '100',
        'helicone-ratelimit-remaining': '99',
        'helicone-ratelimit-policy': '100;w=60',
        'content-length': '4152',
        'content-encoding': 'identity',
        'set-cookie': 'gateway=1',
        'x-internal': 'secret-ish',
      }),
    );
    const { response, text } = await post('/api/helicone/chat/completions', chatBody({ stream: true }));
    expect(response.status).toBe(200);
    expect(text).toBe(fixture);
    expect(text).toContain('"delta":{"content":"Hello"}');
    expect(text.endsWith('data: [DONE]')).toBe(true);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-accel-buffering')).toBe('no');
    expect(response.headers.get('helicone-id')).toBe('8f7a2b5c-9d0e-4f34-8a52-1c9b4d6e3f0e');
    expect(response.headers.get('helicone-provider')).toBe('openai');
    expect(response.headers.get('helicone-model')).toBe('gpt-4o-2024-08-06');
    expect(response.headers.get('helicone-cache')).toBe('MISS');
    expect(response.headers.get('helicone-ratelimit-remaining')).toBe('99');
    for (const name of ['content-length', 'content-encoding', 'set-cookie', 'x-internal']) {
      expect(response.headers.get(name), name).toBeNull();
    }
    const exposed = response.headers.get('access-control-expose-headers')!.split(', ');
    for (const name of [
      'Helicone-Id',
      'Helicone-Cache',
      'Helicone-Provider',
      'Helicone-Model',
      'Helicone-RateLimit-Limit',
      'Helicone-RateLimit-Remaining',
      'Helicone-RateLimit-Policy',
      'Helicone-RateLimit-Reset',
    ]) {
      expect(exposed).toContain(name);
    }
    expect(exposed).toEqual([...EXPOSED_HEADERS]);
    expect((upstream.last.json as { stream: boolean }).stream).toBe(true);
  });

  it.each([
    ['as SSE', {}, ['data: {"first":true}\n\n', 'data: [DONE]\n\n']],
    ['as NDJSON', { accept: 'application/x-ndjson' }, ['{"first":true}\n', '[DONE]\n']],
  ])('hands each event on %s as it arrives, without waiting for the rest', async (_as, headers, expected) => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const encoder = new TextEncoder();
    const { handler } = testRoute({}, () => {
      const body = new ReadableStream<Uint8Array>({
        async start(controller) {
          controller.enqueue(encoder.encode('data: {"first":true}\n\n'));
          await gate;
          controller.enqueue(encoder.encode('data: [DONE]\n\n'));
          controller.close();
        },
      });
      return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
    });
    const response = await handler(
      new Request(`${BASE}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(chatBody({ stream: true })),
      }),
    );
    const reader = response.body!.getReader();
    const first = await reader.read();
    // The second event is still held upstream, yet the first one is here.
    expect(new TextDecoder().decode(first.value)).toBe(expected[0]);
    release();
    const rest = await reader.read();
    expect(new TextDecoder().decode(rest.value)).toBe(expected[1]);
    expect((await reader.read()).done).toBe(true);
  });
});

describe('the NDJSON stream of the kit transport', () => {
  const ndjson = { accept: 'application/x-ndjson' };

  it('asked for NDJSON, re-frames the upstream SSE as one line per event, and asks upstream for SSE', async () => {
    const { post, upstream } = testRoute({}, () =>
      sseReply(pieces(fixture), { 'helicone-id': '8f7a2b5c-9d0e-4f34-8a52-1c9b4d6e3f0e' }),
    );
    const { response, text } = await post(
      '/api/helicone/chat/completions',
      chatBody({ stream: true }),
      ndjson,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(response.headers.get('helicone-id')).toBe('8f7a2b5c-9d0e-4f34-8a52-1c9b4d6e3f0e');
    expect(upstream.last.headers.get('accept')).toBe('text/event-stream, application/json');
    const lines = text.split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.at(-2)).toBe('[DONE]');
    const events = fixture.split('\n\n').filter((event) => event.startsWith('data: '));
    expect(lines.slice(0, -1)).toEqual(events.map((event) => event.slice('data: '.length)));
  });

  it('a JSON answer (a cached completion) and an error pass as they are', async () => {
    const completion = { id: 'c', object: 'chat.completion', choices: [] };
    const { post } = testRoute({}, () => jsonReply(200, completion));
    const { response, json } = await post(
      '/api/helicone/chat/completions',
      chatBody({ stream: true }),
      ndjson,
    );
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(json).toEqual(completion);

    const failing = testRoute({}, () =>
      jsonReply(400, { error: { message: 'Bad model', type: 'invalid_request_error' } }),
    );
    const refused = await failing.post('/api/helicone/chat/completions', chatBody({ stream: true }), ndjson);
    expect(refused.response.status).toBe(400);
    expect(refused.json).toMatchObject({ error: { message: 'Bad model' } });
  });
});

describe('client abort', () => {
  it.each([
    ['as SSE', {}],
    ['as NDJSON', { accept: 'application/x-ndjson' }],
  ])('aborts the upstream call at once when the client goes away mid-stream (%s)', async (_as, headers) => {
    const encoder = new TextEncoder();
    const route = testRoute({}, (call) => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(encoder.encode('data: {"n":1}\n\n'));
          call.signal?.addEventListener('abort', () =>
            controller.error(new DOMException('aborted', 'AbortError')),
          );
        },
      });
      return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
    });
    const client = new AbortController();
    const response = await route.handler(
      new Request(`${BASE}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(chatBody({ stream: true })),
        signal: client.signal,
      }),
    );
    const reader = response.body!.getReader();
    await reader.read();
    expect(route.upstream.last.signal?.aborted).toBe(false);
    client.abort();
    expect(route.upstream.last.signal?.aborted).toBe(true);
    // The upstream body errors with the abort, and so does the client's copy of it.
    await expect(reader.read()).rejects.toThrow(/abort/i);
  });

  it('aborts while waiting for the upstream headers', async () => {
    const route = testRoute(
      {},
      (call) =>
        new Promise((_resolve, reject) =>
          call.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
        ),
    );
    const client = new AbortController();
    const pending = route.handler(
      new Request(`${BASE}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(chatBody()),
        signal: client.signal,
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 5));
    client.abort();
    const response = await pending;
    expect(response.status).toBe(499);
    expect(route.upstream.last.signal?.aborted).toBe(true);
    expect(route.log.lines).toEqual([]);
  });
});

describe('operations', () => {
  it('sends embeddings and completions where `operations` says, with the provider key and Helicone-Auth', async () => {
    const providerKey = 'sk-openai-provider-key-0123456789';
    const route = testRoute({
      operations: {
        embeddings: { baseURL: 'https://oai.helicone.test', providerApiKey: providerKey },
        completions: { baseURL: 'https://oai.helicone.test/v1/' },
      },
    });
    await route.post('/api/helicone/embeddings', { model: 'text-embedding-3-small', input: 'x' });
    expect(route.upstream.last.url).toBe('https://oai.helicone.test/v1/embeddings');
    expect(route.upstream.last.headers.get('authorization')).toBe(`Bearer ${providerKey}`);
    expect(route.upstream.last.headers.get('helicone-auth')).toBe(`Bearer ${TEST_KEY}`);

    await route.post('/api/helicone/completions', { model: 'gpt-3.5-turbo-instruct', prompt: 'x' });
    expect(route.upstream.last.url).toBe('https://oai.helicone.test/v1/completions');
    expect(route.upstream.last.headers.get('authorization')).toBe(`Bearer ${TEST_KEY}`);
    expect(route.upstream.last.headers.get('helicone-auth')).toBeNull();

    await route.post('/api/helicone/chat/completions', chatBody());
    expect(route.upstream.last.url).toBe('https://gateway.test/v1/chat/completions');
  });

  it('an operation set to false answers 404', async () => {
    const route = testRoute({ operations: { embeddings: false } });
    const { response, json } = await route.post('/api/helicone/embeddings', {
      model: 'text-embedding-3-small',
      input: 'x',
    });
    expect(response.status).toBe(404);
    expect(json.error.code).toBe('operation_disabled');
    expect(route.upstream.calls).toHaveLength(0);
  });

  it('redacts the provider key from upstream errors too', async () => {
    const providerKey = 'sk-openai-provider-key-0123456789';
    const route = testRoute(
      { operations: { embeddings: { baseURL: 'https://oai.helicone.test', providerApiKey: providerKey } } },
      () =>
        new Response(JSON.stringify({ error: { message: `Incorrect API key provided: ${providerKey}` } }), {
          status: 401,
        }),
    );
    const { response, text } = await route.post('/api/helicone/embeddings', {
      model: 'text-embedding-3-small',
      input: 'x',
    });
    expect(response.status).toBe(401);
    expect(text).not.toContain(providerKey);
    expect(text).toContain('[redacted]');
  });
});
