/**
 * One proxy of the benchmark, in its own process so its CPU time can be read alone:
 * `route` (the server route through its node adapter) or `pipe` (a bare node:http pipe proxy).
 * Usage: proxy-server.ts <route|pipe> <gateway url> <key>. Prints its port; `GET /__bench/cpu` gives its CPU time.
 */
import {
  createServer,
  request as httpRequest,
  Agent,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHeliconeHandler } from '@helicone-kit/server';
import { toNodeHandler } from '@helicone-kit/server/node';

const [kind, gatewayUrl, apiKey] = process.argv.slice(2);
if ((kind !== 'route' && kind !== 'pipe') || !gatewayUrl || !apiKey) {
  throw new Error('usage: proxy-server.ts <route|pipe> <gateway url> <key>');
}

/** The least a proxy can do: the same request to the gateway with the key added, both bodies piped. */
function pipeProxy(): (request: IncomingMessage, response: ServerResponse) => void {
  const target = new URL(gatewayUrl!);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  return (request, response) => {
    const path = (request.url ?? '/').replace(/^\/api\/helicone/, '/v1');
    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path,
        method: request.method,
        agent,
        headers: {
          'content-type': request.headers['content-type'] ?? 'application/json',
          ...(request.headers['content-length']
            ? { 'content-length': request.headers['content-length'] }
            : {}),
          authorization: `Bearer ${apiKey}`,
        },
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => response.destroy());
    response.on('close', () => upstream.destroy());
    request.pipe(upstream);
  };
}

const proxy =
  kind === 'route'
    ? toNodeHandler(createHeliconeHandler({ apiKey, baseURL: gatewayUrl, apiBaseURL: gatewayUrl }))
    : pipeProxy();

const server = createServer((request, response) => {
  if (request.url === '/__bench/cpu') {
    const { user, system } = process.cpuUsage();
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ microseconds: user + system }));
    return;
  }
  proxy(request, response);
});
server.listen(0, '127.0.0.1', () => {
  console.log(`port ${(server.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
process.on('SIGINT', () => process.exit(0));
