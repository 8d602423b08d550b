import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixtureBytes } from '../__tests__/fixtures';
import { createChatStore } from '../chat/create-chat-store';
import { GatewayError } from '../errors/gateway-error';
import { StreamError } from '../errors/stream-error';
import { HeaderValueError } from '../errors/header-value-error';
import { HeliconeKitError } from '../errors/helicone-kit-error';
import { fromHeliconeMetadata } from '../headers/from-helicone-metadata';
import { sseToNdjson } from '../stream/sse-to-ndjson';
import { createHttpTransport } from './create-http-transport';
import { fetchRoute } from './fetch-route';

type Received = {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: unknown;
  closedEarly: boolean;
};

let server: ReturnType<typeof createServer>;
let api = '';
let received: Received[] = [];
let handle: (
  request: IncomingMessage,
  response: ServerResponse,
  entry: Received,
) => void | Promise<void> = () => {};

beforeAll(async () => {
  server = createServer((request, response) => {
    const pieces: Buffer[] = [];
    request.on('data', (piece: Buffer) => pieces.push(piece));
    request.on('end', () => {
      const text = Buffer.concat(pieces).toString('utf8');
      const entry: Received = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: text === '' ? undefined : JSON.parse(text),
        closedEarly: false,
      };
      received.push(entry);
      response.on('close', () => {
        if (!response.writableFinished) entry.closedEarly = true;
      });
      void handle(request, response, entry);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/helicone/`;
});

afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await once(server, 'close');
});

beforeEach(() => {
  received = [];
});

const ndjsonHeaders = { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' };
const jsonHeaders = { 'content-type': 'application/json' };

/** A recorded SSE stream as the route sends it to this transport: NDJSON, one line per event. */
const ndjsonOf = async (file: string) =>
  Buffer.from(
    await new Response(
      new Blob([fixtureBytes(file) as Uint8Array<ArrayBuffer>]).stream().pipeThrough(sseToNdjson()),
    ).arrayBuffer(),
  );

/** A route that answers every request with a recorded fixture (a stream as the route re-frames it). */
const answerWith =
  (file: string, headers: Record<string, string>) =>
  async (_request: IncomingMessage, response: ServerResponse) => {
    const body = file.endsWith('.sse') ? await ndjsonOf(file) : Buffer.from(fixtureBytes(file));
    response.writeHead(200, headers);
    response.end(body);
  };

function makeStore(options: { stream?: boolean } = {}) {
  return createChatStore({
    transport: createHttpTransport({ api, headers: () => ({ 'x-app-token': 'app-secret' }) }),
    model: 'gpt-4o',
    session: { id: 'session-http', name: 'HTTP test' },
    properties: { App: 'tests' },
    cache: true,
    rateLimitPolicy: '10;w=60;s=user',
    onWarning: () => {},
    ...options,
  });
}

/** One line of the route's NDJSON stream: a chunk with `content`. */
const chunkLine = (content: string) =>
  `${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 0, model: 'gpt-4o', choices: [{ index: 0, delta: { content }, finish_reason: null }] })}\n`;

const textOf = (parts: readonly { type: string; text?: string }[] | undefined) =>
  (parts ?? []).map((part) => (part.type === 'text' ? part.text : '')).join('');

describe('createHttpTransport over real HTTP', () => {
  it('POSTs the OpenAI body with Helicone-* headers and streams the recorded answer into the store', async () => {
    handle = answerWith('openai-stream/openai-stream-text-usage.gpt-4o.sse', {
      ...ndjsonHeaders,
      'Helicone-Id': '5f0e2a1c-1111-4222-8333-444455556666',
      'Helicone-Provider': 'openai',
      'Helicone-Model': 'gpt-4o-2024-08-06',
    });
    const store = makeStore();
    await store.getState().send('Hello');

    const [request] = received;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/api/helicone/chat/completions');
    expect(request?.headers).toMatchObject({
      'content-type': 'application/json',
      accept: 'application/x-ndjson',
      'x-app-token': 'app-secret',
      'helicone-session-id': 'session-http',
      'helicone-session-name': 'HTTP test',
      'helicone-session-path': '/turn-1',
      'helicone-property-app': 'tests',
      'helicone-cache-enabled': 'true',
      'helicone-ratelimit-policy': '10;w=60;s=user',
    });
    expect(request?.body).toMatchObject({
      model: 'gpt-4o',
      stream: true,
      messages: [{ role: 'user', content: 'Hello' }],
    });

    const state = store.getState();
    expect(state.status).toBe('ready');
    const answer = state.messages[1];
    if (answer?.role !== 'assistant') throw new Error('expected an answer');
    expect(textOf(answer.parts)).toBe('Hello! How can I assist you today?');
    expect(answer.metadata).toMatchObject({
      requestId: '5f0e2a1c-1111-4222-8333-444455556666',
      provider: 'openai',
      model: 'gpt-4o-2024-08-06',
      finishReason: 'stop',
      usage: { promptTokens: 1248, completionTokens: 10, totalTokens: 1258, cachedPromptTokens: 0 },
    });
    store.destroy();
  });

  it('sends metadata as raw headers under the typed options, which the route reads back with fromHeliconeMetadata', async () => {
    handle = answerWith('non-stream/openai-chat-completion.gpt-4o-mini.json', jsonHeaders);
    const store = createChatStore({
      transport: createHttpTransport({ api }),
      model: 'gpt-4o-mini',
      stream: false,
      session: { id: 'session-metadata' },
      properties: { environment: 'typed' },
      metadata: {
        'Helicone-Property-Environment': 'from metadata',
        'Helicone-Property-Team': 'Café',
        'helicone-cache-enabled': 'true',
        'Helicone-Retry-Num': 3,
        'Helicone-Retry-Enabled': true,
        'Helicone-Rate-Limit-Policy': '5;w=60',
        'Helicone-Session-Id': 'not the store session',
        'Cache-Control': 'max-age=120',
        trace_id: 'not a header',
        'Helicone-User-Id': '',
      },
      onWarning: () => {},
    });
    await store.getState().send('Hi');
    const headers = received[0]!.headers;
    expect(
      Object.keys(headers)
        .filter((name) => name.startsWith('helicone-') || name === 'cache-control')
        .sort(),
    ).toEqual([
      'cache-control',
      'helicone-cache-enabled',
      'helicone-property-environment',
      'helicone-property-team',
      'helicone-ratelimit-policy',
      'helicone-retry-enabled',
      'helicone-retry-num',
      'helicone-session-id',
      'helicone-session-path',
    ]);
    expect(headers).toMatchObject({
      'helicone-property-environment': 'typed',
      'helicone-property-team': "UTF-8''Caf%C3%A9",
      'helicone-ratelimit-policy': '5;w=60',
      'helicone-session-id': 'session-metadata',
      'cache-control': 'max-age=120',
    });
    expect(headers['trace_id']).toBeUndefined();
    // What the server route does with the browser's headers.
    const record = Object.fromEntries(
      Object.entries(headers).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
    expect(fromHeliconeMetadata(record)).toEqual({
      properties: { environment: 'typed', team: 'Café' },
      session: { id: 'session-metadata', path: '/turn-1' },
      cache: { enabled: true, maxAge: 120 },
      retry: { enabled: true, num: 3 },
      rateLimitPolicy: { quota: 5, windowSeconds: 60, unit: 'request' },
    });
    store.destroy();
  });

  it('sends a value that could inject a header percent-encoded, for the route to refuse (it checks every Helicone-* header)', async () => {
    handle = answerWith('non-stream/openai-chat-completion.gpt-4o-mini.json', jsonHeaders);
    const store = createChatStore({
      transport: createHttpTransport({ api }),
      model: 'gpt-4o-mini',
      stream: false,
      metadata: { 'Helicone-User-Id': 'alice\r\nX-Injected: 1' },
      helicone: { userId: 'bob\r\nX-Injected: 2' },
      properties: { Note: 'a\nb' },
      onWarning: () => {},
    });
    await store.getState().send('Hi');
    const headers = received[0]!.headers;
    expect(headers['x-injected']).toBeUndefined();
    expect(headers['helicone-user-id']).toBe("UTF-8''bob%0D%0AX-Injected%3A%202");
    expect(headers['helicone-property-note']).toBe("UTF-8''a%0Ab");
    // What the route does with them: a 400 naming the header (tested end to end in @helicone-kit/server).
    expect(() =>
      fromHeliconeMetadata({ 'helicone-property-note': headers['helicone-property-note']! }),
    ).toThrow(HeaderValueError);
    store.destroy();
  });

  it('reads a stream: false answer as one completion', async () => {
    handle = answerWith('non-stream/openai-chat-completion.gpt-4o-mini.json', jsonHeaders);
    const store = makeStore({ stream: false });
    await store.getState().send('Which ocean?');

    expect(received[0]?.headers.accept).toBe('application/json');
    expect(received[0]?.body).toMatchObject({ stream: false });
    expect((received[0]?.body as Record<string, unknown>).stream_options).toBeUndefined();
    const answer = store.getState().messages[1];
    if (answer?.role !== 'assistant') throw new Error('expected an answer');
    expect(textOf(answer.parts)).toBe('Atlantic Ocean.');
    expect(answer.metadata).toMatchObject({
      model: 'gpt-4o-mini-2024-07-18',
      finishReason: 'stop',
      usage: { promptTokens: 22, completionTokens: 4, totalTokens: 26 },
    });
    store.destroy();
  });

  it('reads stream: false bodies of every recorded kind: tool calls, a legacy text completion, DeepSeek reasoning', async () => {
    const answerTo = async (body: string) => {
      handle = (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(body);
      };
      const store = makeStore({ stream: false });
      await store.getState().send('Hi');
      const { messages, status } = store.getState();
      store.destroy();
      expect(status).toBe('ready');
      return messages[1]?.parts;
    };
    const fixture = (name: string) => new TextDecoder().decode(fixtureBytes(`non-stream/${name}`));
    expect(await answerTo(fixture('openai-chat-completion-tool-calls.gpt-4o-mini.json'))).toEqual([
      {
        type: 'tool-call',
        toolCallId: 'call_ju2Cqzfdrel1ugvEaW0HtaZ4',
        toolName: 'get_delivery_date',
        arguments: '{"order_id":"order_12345"}',
        input: { order_id: 'order_12345' },
        state: 'input-available',
      },
    ]);
    expect(await answerTo(fixture('openai-text-completion.gpt-3.5-turbo-instruct.json'))).toEqual([
      {
        type: 'text',
        text: 'The new holiday is called "Gratitude Day" and it celebrates the importance of',
      },
    ]);
    const deepSeek = {
      id: 'c',
      object: 'chat.completion',
      created: 0,
      model: 'deepseek-reasoner',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'Four.', reasoning_content: 'Two and two.' },
          finish_reason: 'stop',
        },
      ],
    };
    expect(await answerTo(JSON.stringify(deepSeek))).toEqual([
      { type: 'reasoning', text: 'Two and two.' },
      { type: 'text', text: 'Four.' },
    ]);
  });

  it('refuses a stream: false body that is not a completion (an embeddings list) with a HeliconeKitError', async () => {
    handle = (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        Buffer.from(fixtureBytes('non-stream/openai-embeddings.text-embedding-3-small.truncated.json')),
      );
    };
    const store = makeStore({ stream: false });
    await store.getState().send('Hi');
    expect(store.getState().status).toBe('error');
    expect(HeliconeKitError.isInstance(store.getState().error)).toBe(true);
    expect(store.getState().messages).toHaveLength(1);
    store.destroy();
  });

  it('turns the recorded parallel tool-call stream into two tool-call parts with parsed arguments', async () => {
    handle = answerWith('openai-stream/openai-stream-parallel-tool-calls.gpt-4o-mini.sse', ndjsonHeaders);
    const store = makeStore();
    await store.getState().send('Weather in New York and London?');
    const answer = store.getState().messages[1];
    if (answer?.role !== 'assistant') throw new Error('expected an answer');
    expect(
      answer.parts.map((part) =>
        part.type === 'tool-call' ? [part.toolName, part.input, part.state] : part.type,
      ),
    ).toEqual([
      ['get_weather', { location: 'New York' }, 'input-available'],
      ['get_weather', { location: 'London' }, 'input-available'],
    ]);
    expect(answer.metadata.finishReason).toBe('tool_calls');
    // No onToolCall: the chat waits for addToolResult.
    expect(store.getState().status).toBe('ready');
    store.destroy();
  });

  it('turns a 429 into a GatewayError with retryAfterMs, keeping the user message', async () => {
    handle = (_request, response) => {
      response.writeHead(429, {
        'content-type': 'application/json',
        'retry-after-ms': '7000',
        'Retry-After': '7',
      });
      response.end(
        JSON.stringify({
          error: { message: 'Rate limited', type: 'rate_limit_error', code: 'rate_limited' },
        }),
      );
    };
    const store = makeStore();
    store.getState().setDraft('keep me');
    await store.getState().send('Hello');
    const { status, error, messages, draft } = store.getState();
    expect(status).toBe('error');
    expect(GatewayError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      status: 429,
      code: 'rate_limited',
      message: 'Rate limited',
      retryAfterMs: 7000,
    });
    expect(messages.map((message) => message.role)).toEqual(['user']);
    expect(draft).toBe('keep me');
    store.destroy();
  });

  it('keeps the text before an error inside the stream, and the draft', async () => {
    handle = answerWith('errors/openai-stream-error-after-output.test-authored.sse', ndjsonHeaders);
    const store = makeStore();
    store.getState().setDraft('unsent');
    await store.getState().send('Hi');
    const { status, error, messages, draft } = store.getState();
    expect(status).toBe('error');
    expect(StreamError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ message: 'stream failed after output', type: 'server_error' });
    const answer = messages[1];
    if (answer?.role !== 'assistant') throw new Error('expected the partial answer');
    expect(textOf(answer.parts)).toBe('Hello');
    expect(answer.metadata.error).toMatchObject({
      name: 'StreamError',
      message: 'stream failed after output',
    });
    expect(draft).toBe('unsent');

    // retry() sends the same conversation again.
    handle = answerWith('openai-stream/openai-stream-text-usage.gpt-4o.sse', ndjsonHeaders);
    await store.getState().retry();
    expect(received[1]?.body).toEqual(received[0]?.body);
    expect(textOf(store.getState().messages[1]?.parts)).toBe('Hello! How can I assist you today?');
    store.destroy();
  });

  it('turns a body cut mid-answer into a StreamError (connection_cut, cause kept), keeping the partial text', async () => {
    handle = (_request, response) => {
      response.writeHead(200, ndjsonHeaders);
      response.write(chunkLine('Half an '));
      response.write(chunkLine('answer'), () => setTimeout(() => response.socket?.destroy(), 20));
    };
    const store = makeStore();
    store.getState().setDraft('unsent');
    await store.getState().send('Hi');
    const { status, error, messages, draft } = store.getState();
    expect(status).toBe('error');
    expect(StreamError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ name: 'StreamError', type: 'connection_cut' });
    // What undici's fetch throws when the socket closes mid-body.
    expect(error?.cause).toBeInstanceOf(TypeError);
    expect(error?.message).toBe(`The connection broke mid-answer (${String(error?.cause)}).`);
    const answer = messages[1];
    if (answer?.role !== 'assistant') throw new Error('expected the partial answer');
    expect(textOf(answer.parts)).toBe('Half an answer');
    expect(answer.metadata.error).toMatchObject({ name: 'StreamError', message: error?.message });
    expect(draft).toBe('unsent');
    store.destroy();
  });

  it('refuses an SSE answer (a server that is not the kit route) with an error that says what it needs', async () => {
    handle = (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(fixtureBytes('openai-stream/openai-stream-text-usage.gpt-4o.sse'));
    };
    const store = makeStore();
    await store.getState().send('Hi');
    const error = store.getState().error;
    expect(HeliconeKitError.isInstance(error)).toBe(true);
    expect(error?.message).toMatch(
      /answered text\/event-stream: this transport reads the kit route's stream \(application\/x-ndjson\)/,
    );
    store.destroy();
  });

  it('turns a stream: false body cut before its end into the same StreamError', async () => {
    handle = (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
      response.write('{"id":"c","object":"chat.completion"', () =>
        setTimeout(() => response.socket?.destroy(), 20),
      );
    };
    const store = makeStore({ stream: false });
    await store.getState().send('Hi');
    const error = store.getState().error;
    expect(StreamError.isInstance(error) && error.type).toBe('connection_cut');
    expect(store.getState().messages.map((message) => message.role)).toEqual(['user']);
    store.destroy();
  });

  it('reads an error as the route writes it (OpenAI JSON); any other body gives the generic message and is kept', async () => {
    handle = (_request, response) => {
      response.writeHead(401, { 'content-type': 'application/json', 'helicone-id': 'req-401' });
      response.end(
        JSON.stringify({ error: { message: 'Invalid Helicone API key', type: 'authentication_error' } }),
      );
    };
    const store = makeStore();
    await store.getState().send('Hi');
    expect(store.getState().error).toMatchObject({
      name: 'GatewayError',
      status: 401,
      message: 'Invalid Helicone API key',
      type: 'authentication_error',
      requestId: 'req-401',
    });
    expect(store.getState().retryAt).toBeUndefined();

    // Not the route's answer (a proxy in between): nothing of it is taken as the message.
    handle = (_request, response) => {
      response.writeHead(502, { 'content-type': 'text/html' });
      response.end('<html><body>Bad Gateway</body></html>');
    };
    await store.getState().retry();
    expect(store.getState().error).toMatchObject({
      status: 502,
      message: 'Request failed with status 502.',
      body: '<html><body>Bad Gateway</body></html>',
    });
    store.destroy();
  });

  it('uses the fetch it is given, with the headers of each call', async () => {
    let calls = 0;
    const seen: string[] = [];
    const transport = createHttpTransport({
      api: 'https://example.invalid/route',
      headers: () => Promise.resolve({ 'x-call': String(++calls) }),
      fetch: (input, init) => {
        seen.push(
          `${input instanceof Request ? input.url : input.toString()} ${new Headers(init?.headers).get('x-call')}`,
        );
        const body = new TextDecoder().decode(
          fixtureBytes('non-stream/openai-chat-completion.gpt-4o-mini.json'),
        );
        return Promise.resolve(new Response(body, { headers: { 'content-type': 'application/json' } }));
      },
    });
    const store = createChatStore({ transport, model: 'gpt-4o-mini', stream: false, onWarning: () => {} });
    await store.getState().send('One');
    await store.getState().send('Two');
    expect(seen).toEqual([
      'https://example.invalid/route/chat/completions 1',
      'https://example.invalid/route/chat/completions 2',
    ]);
  });

  it('stop() aborts the HTTP request (the server sees the connection close) and keeps what arrived', async () => {
    const chunk = chunkLine;
    let closed!: () => void;
    const serverSawClose = new Promise<void>((resolve) => (closed = resolve));
    handle = (_request, response) => {
      response.writeHead(200, ndjsonHeaders);
      response.write(chunk('Partial '));
      response.write(chunk('answer'));
      response.on('close', () => closed());
      // Never ends by itself.
    };
    const store = makeStore();
    const sending = store.getState().send('Long story please');
    await new Promise<void>((resolve) => {
      const unsubscribe = store.subscribe((state) => {
        if (textOf(state.messages[1]?.parts) === 'Partial answer') {
          unsubscribe();
          resolve();
        }
      });
    });
    store.getState().stop();
    await sending;
    await serverSawClose;

    expect(received[0]?.closedEarly).toBe(true);
    const answer = store.getState().messages[1];
    if (answer?.role !== 'assistant') throw new Error('expected an answer');
    expect(textOf(answer.parts)).toBe('Partial answer');
    expect(answer.metadata.stopped).toBe(true);
    expect(store.getState().status).toBe('ready');
    store.destroy();
  });
});

describe('createHttpTransport batching', () => {
  /** A route that writes `count` chunks `gapMs` apart, then `[DONE]`. */
  const paced = (count: number, gapMs: number) => (_request: IncomingMessage, response: ServerResponse) => {
    response.writeHead(200, ndjsonHeaders);
    let sent = 0;
    const timer = setInterval(() => {
      if (sent < count) return void response.write(chunkLine(`c${sent++} `));
      clearInterval(timer);
      response.end('[DONE]\n');
    }, gapMs);
  };

  /** Reads one streamed answer with `batchMs`: the batches, their chunks and how long the answer took. */
  async function read(batchMs: number) {
    const started = Date.now();
    const batches: number[] = [];
    let text = '';
    const transport = createHttpTransport({ api });
    const request = { body: { model: 'gpt-4o', messages: [], stream: true }, helicone: {}, batchMs };
    for await (const event of transport.send({ ...request, signal: new AbortController().signal })) {
      const chunks = event.type === 'chunks' ? event.chunks : event.type === 'chunk' ? [event.chunk] : [];
      if (chunks.length === 0) continue;
      batches.push(chunks.length);
      for (const chunk of chunks) text += (chunk.choices[0] as { delta: { content: string } }).delta.content;
    }
    return { batches, text, ms: Date.now() - started };
  }

  const expected = Array.from({ length: 40 }, (_, index) => `c${index} `).join('');

  it('hands the stream over in batches, at most one per batchMs however many chunks arrive, the first at once', async () => {
    handle = paced(40, 5);
    const { batches, text, ms } = await read(50);
    expect(text).toBe(expected);
    expect(batches[0]).toBe(1);
    expect(batches.length).toBeLessThanOrEqual(Math.ceil(ms / 50) + 1);
    expect(batches.length).toBeLessThan(20);
  });

  it('with batchMs 0 hands each network chunk over as it comes', async () => {
    handle = paced(40, 5);
    const { batches, text } = await read(0);
    expect(text).toBe(expected);
    expect(batches.length).toBeGreaterThanOrEqual(20);
  });
});

describe('fetchRoute over real HTTP', () => {
  it("calls {api}/{path} with the shared headers, then the call's own, and throws a refusal as a GatewayError", async () => {
    handle = (request, response) => {
      if (request.url?.endsWith('/models')) return void response.end('{"data":[]}');
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { message: 'No such path', type: 'not_found' } }));
    };
    const options = { api, headers: { 'x-app-token': 'app-secret', 'x-kind': 'shared' } };
    const response = await fetchRoute(options, 'models', { headers: { 'x-kind': 'own' } });
    expect(await response.json()).toEqual({ data: [] });
    expect(received[0]).toMatchObject({
      method: 'GET',
      url: '/api/helicone/models',
      headers: { 'x-app-token': 'app-secret', 'x-kind': 'own' },
    });

    const refusal = await fetchRoute(options, 'feedback', { method: 'POST', body: '{}' }).catch(
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(GatewayError);
    expect(refusal).toMatchObject({ status: 404, message: 'No such path', type: 'not_found' });
    expect(received[1]).toMatchObject({ method: 'POST', url: '/api/helicone/feedback' });
  });
});
