import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import express from 'express';
import { createServer as createViteServer, type ViteDevServer } from 'vite';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readChecked } from '../__tests__/support/no-secret';
import { recordingUpstream, type Responder } from '../__tests__/support/recording-upstream';
import { chatBody, TEST_KEY } from '../__tests__/support/test-route';
import { createHeliconeHandler } from '../create-helicone-handler';
import { toNodeHandler } from './to-node-handler';

const servers: Server[] = [];
const vites: ViteDevServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  for (const vite of vites.splice(0)) await vite.close();
});

async function listen(listener: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(listener);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function handlerWith(respond?: Responder) {
  const upstream = recordingUpstream(respond);
  const handler = createHeliconeHandler({
    apiKey: TEST_KEY,
    baseURL: 'https://gateway.test',
    fetch: upstream.fetch,
  });
  return { upstream, handler };
}

const postChat = (url: string, body: unknown = chatBody()) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('Express', () => {
  it('a body express.json() parsed 10,000 levels deep is a 400 body_too_deep, not a stack overflow', async () => {
    const { upstream, handler } = handlerWith();
    const app = express();
    app.use(express.json());
    app.use(toNodeHandler(handler));
    const origin = await listen(app);
    const deep = `{"model":"gpt-4o-mini","messages":[{"role":"user","content":"x"}],"x":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    const response = await fetch(`${origin}/api/helicone/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: deep,
    });
    expect(response.status).toBe(400);
    expect(JSON.parse(await readChecked(response, TEST_KEY)).error).toMatchObject({
      code: 'body_too_deep',
      type: 'invalid_request_error',
    });
    // 200 levels fit in JSON.stringify; the route's own scan refuses them.
    const shallower = await postChat(
      `${origin}/api/helicone/chat/completions`,
      chatBody({ x: JSON.parse(`${'['.repeat(200)}${']'.repeat(200)}`) }),
    );
    expect(shallower.status).toBe(400);
    expect(JSON.parse(await shallower.text()).error.code).toBe('body_too_deep');
    expect(upstream.calls).toHaveLength(0);
  });

  it('app.use(toNodeHandler(handler)) after express.json(): the parsed body is forwarded; other paths go on', async () => {
    const { upstream, handler } = handlerWith();
    const app = express();
    app.use(express.json());
    app.use(toNodeHandler(handler));
    app.get('/health', (_request, response) => {
      response.send('ok');
    });
    const origin = await listen(app);
    const response = await postChat(
      `${origin}/api/helicone/chat/completions`,
      chatBody({ temperature: 0.5 }),
    );
    expect(response.status).toBe(200);
    await readChecked(response, TEST_KEY);
    expect(upstream.last.json).toEqual(chatBody({ temperature: 0.5 }));
    expect(await (await fetch(`${origin}/health`)).text()).toBe('ok');
  });

  it("app.use('/api/helicone', toNodeHandler(handler)) mounted, with the raw body", async () => {
    const { upstream, handler } = handlerWith();
    const app = express();
    app.use('/api/helicone', toNodeHandler(handler));
    const origin = await listen(app);
    const response = await postChat(`${origin}/api/helicone/v1/chat/completions`);
    expect(response.status).toBe(200);
    expect(upstream.last.json).toEqual(chatBody());
    const tooLarge = await postChat(
      `${origin}/api/helicone/chat/completions`,
      chatBody({ messages: [{ role: 'user', content: 'x'.repeat(2_000_000) }] }),
    );
    expect(tooLarge.status).toBe(413);
  });

  it('a client that disconnects mid-stream aborts the upstream call', async () => {
    const encoder = new TextEncoder();
    const { upstream, handler } = handlerWith(
      (call) =>
        new Response(
          new ReadableStream<Uint8Array>({
            start(controller) {
              controller.enqueue(encoder.encode('data: {"n":1}\n\n'));
              call.signal?.addEventListener('abort', () =>
                controller.error(new DOMException('aborted', 'AbortError')),
              );
            },
          }),
          { headers: { 'content-type': 'text/event-stream' } },
        ),
    );
    const app = express();
    app.use(toNodeHandler(handler));
    const origin = await listen(app);
    const client = new AbortController();
    const response = await fetch(`${origin}/api/helicone/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(chatBody({ stream: true })),
      signal: client.signal,
    });
    const reader = response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('data: {"n":1}\n\n');
    expect(upstream.last.signal?.aborted).toBe(false);
    client.abort();
    await vi.waitFor(() => expect(upstream.last.signal?.aborted).toBe(true));
  });
});

describe('node:http and Connect-style middleware', () => {
  it('http.createServer(toNodeHandler(handler)) answers 404 itself for other paths', async () => {
    const { handler } = handlerWith();
    const origin = await listen(toNodeHandler(handler));
    const response = await fetch(`${origin}/elsewhere`);
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe('not_found');
  });

  it("Vite's dev server: server.middlewares.use(toNodeHandler(handler)) in a plugin", async () => {
    const { upstream, handler } = handlerWith();
    const vite = await createViteServer({
      configFile: false,
      logLevel: 'silent',
      server: { middlewareMode: true, hmr: false, watch: null },
      plugins: [
        {
          name: 'helicone-route',
          configureServer(server) {
            server.middlewares.use(toNodeHandler(handler));
          },
        },
      ],
    });
    vites.push(vite);
    const origin = await listen(vite.middlewares);
    const response = await postChat(`${origin}/api/helicone/chat/completions`);
    expect(response.status).toBe(200);
    await readChecked(response, TEST_KEY);
    expect(upstream.calls).toHaveLength(1);
  });
});

/** Sends raw bytes, as no fetch would, and gives back the raw answer. */
function rawRequest(origin: string, text: string): Promise<string> {
  const { port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.end(text));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('raw sockets', () => {
  it('a CRLF "injected" into a property value is only another header, which the route drops', async () => {
    const upstream = recordingUpstream();
    const handler = createHeliconeHandler({
      apiKey: TEST_KEY,
      baseURL: 'https://gateway.test',
      fetch: upstream.fetch,
      clientMay: { properties: ['plan'] },
      authorize: () => ({ userId: 'real-user' }),
    });
    const origin = await listen(toNodeHandler(handler));
    const body = JSON.stringify(chatBody());
    const answer = await rawRequest(
      origin,
      [
        'POST /api/helicone/chat/completions HTTP/1.1',
        'Host: 127.0.0.1',
        'Content-Type: application/json',
        `Content-Length: ${Buffer.byteLength(body)}`,
        'Helicone-Property-Plan: free',
        'Helicone-User-Id: admin',
        'Helicone-Auth: Bearer sk-helicone-forged',
        'Connection: close',
        '',
        body,
      ].join('\r\n'),
    );
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
    expect(answer).not.toContain(TEST_KEY);
    expect(upstream.last.headers.get('helicone-user-id')).toBe('real-user');
    expect(upstream.last.headers.get('helicone-property-plan')).toBe('free');
    expect(upstream.last.headers.get('authorization')).toBe(`Bearer ${TEST_KEY}`);
    expect(upstream.last.headers.get('helicone-auth')).toBeNull();
  });

  it('a bare CR inside a header value is refused by Node before the route runs', async () => {
    const upstream = recordingUpstream();
    const handler = createHeliconeHandler({
      apiKey: TEST_KEY,
      baseURL: 'https://gateway.test',
      fetch: upstream.fetch,
    });
    const origin = await listen(toNodeHandler(handler));
    const answer = await rawRequest(
      origin,
      'POST /api/helicone/chat/completions HTTP/1.1\r\nHost: x\r\nHelicone-Session-Id: a\rb\r\nContent-Length: 0\r\nConnection: close\r\n\r\n',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    expect(upstream.calls).toHaveLength(0);
  });
});
