import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRawUpstream } from '../__tests__/support/raw-upstream';
import { createNodeFetch } from './create-node-fetch';
import { NODE_BODY_SOURCE, type NodeBackedStream } from './node-body-source';

let server: Server;
let origin: string;
const seen: { method?: string; headers?: Record<string, unknown>; body?: string }[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (text: string) => (body += text));
    request.on('end', () => {
      seen.push({ method: request.method, headers: request.headers, body });
      if (request.url === '/json') {
        response.writeHead(201, {
          'content-type': 'application/json',
          'x-one': 'a',
          'set-cookie': ['a=1', 'b=2'],
        });
        response.end('{"ok":true}');
      } else if (request.url === '/empty') {
        response.writeHead(204).end();
      } else if (request.url === '/redirect') {
        response.writeHead(302, { location: '/json' }).end();
      } else if (request.url === '/hang') {
        // Never answers.
      } else if (request.url === '/slow-body') {
        response.writeHead(200, { 'content-type': 'text/plain' });
        response.write('first');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('createNodeFetch', () => {
  const nodeFetch = createNodeFetch();

  it('sends method, headers and a string body; gives status, headers and a body marked as node-backed', async () => {
    const response = await nodeFetch(`${origin}/json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer x' },
      body: '{"a":1}',
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-one')).toBe('a');
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect((response.body as NodeBackedStream)[NODE_BODY_SOURCE]).toBeDefined();
    expect(await response.json()).toEqual({ ok: true });
    const request = seen.at(-1)!;
    expect(request.method).toBe('POST');
    expect(request.body).toBe('{"a":1}');
    expect(request.headers).toMatchObject({
      authorization: 'Bearer x',
      'content-length': '7',
      'accept-encoding': 'identity',
    });
  });

  it('gives a null body for 204 and does not follow redirects', async () => {
    expect((await nodeFetch(`${origin}/empty`)).body).toBeNull();
    const redirect = await nodeFetch(`${origin}/redirect`, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('/json');
  });

  it('rejects with the abort reason before the headers, and fails the body after them', async () => {
    const early = new AbortController();
    const pending = nodeFetch(`${origin}/hang`, { signal: early.signal });
    setTimeout(() => early.abort(), 10);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });

    const late = new AbortController();
    const response = await nodeFetch(`${origin}/slow-body`, { signal: late.signal });
    const reader = response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('first');
    late.abort();
    await expect(reader.read()).rejects.toThrow();
  });

  it('turns a connection failure into a TypeError, as fetch does', async () => {
    await expect(nodeFetch('http://127.0.0.1:1/')).rejects.toBeInstanceOf(TypeError);
  });

  it.each([
    ['status 600', 'HTTP/1.1 600 Odd\r\ncontent-length: 2\r\n\r\nhi'],
    ['status 999', 'HTTP/1.1 999 Odd\r\ncontent-length: 0\r\n\r\n'],
  ])(
    'rejects with TypeError("fetch failed") for %s, where new Response() would throw',
    async (_name, answer) => {
      const upstream = await startRawUpstream(answer);
      try {
        const failure = await nodeFetch(`${upstream.origin}/`).then(
          () => undefined,
          (error: unknown) => error,
        );
        expect(failure).toBeInstanceOf(TypeError);
        expect((failure as TypeError).message).toBe('fetch failed');
        expect((failure as TypeError).cause).toBeInstanceOf(Error);
      } finally {
        await upstream.close();
      }
    },
  );

  it.each([
    ['a plain status text', 'HTTP/1.1 201 Made It\r\ncontent-length: 2\r\n\r\nhi'],
    ['a control character in the status text', 'HTTP/1.1 201 O\x01K\r\ncontent-length: 2\r\n\r\nhi'],
  ])('gives an empty status text for %s: the upstream’s is not passed on', async (_name, answer) => {
    const upstream = await startRawUpstream(answer);
    try {
      const response = await nodeFetch(`${upstream.origin}/`);
      expect(response.status).toBe(201);
      expect(response.statusText).toBe('');
      expect(await response.text()).toBe('hi');
    } finally {
      await upstream.close();
    }
  });
});
