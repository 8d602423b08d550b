import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLocalGateway, type LocalGateway, type LocalGatewayOptions } from '@helicone-kit/gateway';
import { createHeliconeHandler } from '@helicone-kit/server';
import { toNodeHandler } from '@helicone-kit/server/node';
import { build } from 'esbuild';

export type TestPageServer = {
  /** The page's origin; the route is at `${origin}/api/helicone`, on the same origin. */
  origin: string;
  gateway: LocalGateway;
  close(): Promise<void>;
};

const here = path.dirname(fileURLToPath(import.meta.url));

/** `test-page.tsx` bundled for the browser: React in production mode, with the profiling build so `Profiler` counts. */
async function bundlePage(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(here, 'test-page.tsx')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    jsx: 'automatic',
    conditions: ['@helicone-kit/source'],
    alias: { 'react-dom/client': 'react-dom/profiling' },
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

const html = `<!doctype html><html><head><meta charset="utf-8"><title>helicone-kit test page</title></head>
<body><div id="root"></div><script type="module" src="/app.js"></script></body></html>`;

/** The test page, its bundle and the route (in front of a local gateway), all on one loopback origin. */
export async function serveTestPage(gatewayOptions: LocalGatewayOptions = {}): Promise<TestPageServer> {
  const script = await bundlePage();
  const gateway = await startLocalGateway({ port: 0, onWarning: () => undefined, ...gatewayOptions });
  const route = toNodeHandler(
    createHeliconeHandler({
      apiKey: gateway.apiKey,
      baseURL: gateway.url,
      apiBaseURL: gateway.url,
      logger: { warn: () => undefined, error: () => undefined },
    }),
  );
  const server: Server = createServer((request, response) => {
    route(request, response, () => {
      const { pathname, searchParams } = new URL(request.url ?? '/', 'http://localhost');
      if (pathname === '/app.js') {
        response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(script);
      } else if (pathname === '/') {
        // `?csp`: a page whose policy forbids workers (the chat must then stream in the page itself).
        const policy = searchParams.has('csp') ? { 'content-security-policy': "worker-src 'none'" } : {};
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...policy }).end(html);
      } else {
        response.writeHead(404).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    gateway,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await gateway.close();
    },
  };
}
