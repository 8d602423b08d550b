import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHeliconeHandler } from '../create-helicone-handler';
import type { HeliconeHandlerOptions } from '../options/helicone-handler-options';
import { toNodeHandler } from './to-node-handler';

const KEY = 'slow-body-key-0a1b2c3d4e5f';
let server: Server | undefined;
const sockets: Socket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

async function startRoute(limits: HeliconeHandlerOptions['limits']): Promise<number> {
  const handler = createHeliconeHandler({
    apiKey: KEY,
    baseURL: 'http://127.0.0.1:1',
    limits,
    logger: { warn: () => undefined, error: () => undefined },
  });
  server = createServer(toNodeHandler(handler));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/**
 * A client that sends `head`, then one byte of body every few milliseconds and never finishes. Resolves with what
 * the server sent once the server ends the connection, and how many bytes the client had sent by then.
 */
function trickle(port: number, head: string, byte: string): Promise<{ answer: string; trickled: number }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    sockets.push(socket);
    let answer = '';
    let trickled = 0;
    const timer = setInterval(() => {
      if (socket.writable) {
        socket.write(byte);
        trickled += 1;
      }
    }, 5);
    socket.setEncoding('utf8');
    socket.on('data', (text: string) => (answer += text));
    socket.on('error', () => undefined);
    socket.once('close', () => {
      clearInterval(timer);
      resolve({ answer, trickled });
    });
    socket.once('connect', () => socket.write(head));
    setTimeout(() => reject(new Error(`the server kept the connection open; so far: ${answer}`)), 5000);
  });
}

function parse(answer: string) {
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  const [statusLine = '', ...headerLines] = head.split('\r\n');
  const headers = new Map(
    headerLines.map((line) => [
      line.slice(0, line.indexOf(':')).toLowerCase(),
      line.slice(line.indexOf(':') + 1).trim(),
    ]),
  );
  return { status: Number(statusLine.split(' ')[1]), headers, body };
}

const chat = '/api/helicone/chat/completions';

describe('a request body that trickles in (node adapter)', () => {
  it.each([
    ['a small declared length (read whole by the adapter)', 'content-length: 200'],
    ['a large declared length (streamed to the route)', 'content-length: 500000'],
    ['chunked (streamed to the route)', 'transfer-encoding: chunked'],
  ])(
    '%s: 408 body_timeout after limits.bodyTimeoutMs, Connection: close, and the socket is closed',
    async (_name, framing) => {
      const port = await startRoute({ bodyTimeoutMs: 60 });
      const chunked = framing.startsWith('transfer');
      const head = `POST ${chat} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n${framing}\r\n\r\n${chunked ? '1\r\n{\r\n' : '{'}`;
      const { answer } = await trickle(port, head, chunked ? '1\r\n \r\n' : ' ');
      const { status, headers, body } = parse(answer);
      expect(status).toBe(408);
      expect(headers.get('connection')).toBe('close');
      expect(
        JSON.parse(body.includes('{') ? body.slice(body.indexOf('{'), body.lastIndexOf('}') + 1) : '{}'),
      ).toEqual({
        error: {
          message: 'The request body did not arrive within 60 ms.',
          type: 'invalid_request_error',
          code: 'body_timeout',
          param: null,
        },
      });
    },
  );

  it('413 over the declared limit answers at once with Connection: close and closes the socket unread', async () => {
    const port = await startRoute({ maxBodyBytes: 1000, bodyTimeoutMs: 60_000 });
    const head = `POST ${chat} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: 5000000\r\n\r\n{`;
    const { answer } = await trickle(port, head, ' ');
    const { status, headers } = parse(answer);
    expect(status).toBe(413);
    expect(headers.get('connection')).toBe('close');
  });
});
