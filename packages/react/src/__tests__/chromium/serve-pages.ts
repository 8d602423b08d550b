import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { startLocalGateway, type LocalGateway, type LocalGatewayOptions } from '@helicone-kit/gateway';
import { createHeliconeHandler } from '@helicone-kit/server';
import { toNodeHandler } from '@helicone-kit/server/node';
import { build } from 'esbuild';

export type PageServer = {
  /** The pages' origin; the kit's route is at `${origin}/api/helicone`, on the same origin. */
  origin: string;
  gateway: LocalGateway;
  close(): Promise<void>;
};

export type ServePagesOptions = {
  /** Each page by name and the file it bundles: served at `/<name>` (`index` at `/`), its script at `/<name>.js`. */
  pages: Record<string, string>;
  gateway?: LocalGatewayOptions;
  /** More headers for a page, from its URL's query (a Content-Security-Policy, say). */
  pageHeaders?: (query: URLSearchParams) => Record<string, string>;
  /** Answers a request before the route and the pages do (another route, say); returns whether it did. */
  handle?: (request: IncomingMessage, response: ServerResponse, gateway: LocalGateway) => boolean;
};

/**
 * The pages bundled as an app would ship them: minified, React in production mode (its profiling build, so a
 * `Profiler` counts commits), the kit from source. Keyed by the path each script is served at.
 */
async function bundlePages(pages: Record<string, string>): Promise<Map<string, string>> {
  const result = await build({
    entryPoints: pages,
    outdir: 'pages',
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    jsx: 'automatic',
    conditions: ['@helicone-kit/source', 'browser', 'import', 'default'],
    alias: { 'react-dom/client': 'react-dom/profiling' },
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  return new Map(result.outputFiles.map((file) => [`/${path.basename(file.path)}`, file.text]));
}

const html = (page: string) => `<!doctype html><html><head><meta charset="utf-8"><title>${page}</title></head>
<body><div id="root"></div><script type="module" src="/${page}.js"></script></body></html>`;

/** A local gateway, the kit's route in front of it and the bundled pages, all on one loopback origin. */
export async function servePages({
  pages,
  gateway: gatewayOptions,
  pageHeaders = () => ({}),
  handle = () => false,
}: ServePagesOptions): Promise<PageServer> {
  const scripts = await bundlePages(pages);
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
    if (handle(request, response, gateway)) return;
    route(request, response, () => {
      const { pathname, searchParams } = new URL(request.url ?? '/', 'http://localhost');
      const script = scripts.get(pathname);
      const page = pathname === '/' ? 'index' : pathname.slice(1);
      if (script !== undefined) {
        response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(script);
      } else if (Object.hasOwn(pages, page)) {
        response
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...pageHeaders(searchParams) })
          .end(html(page));
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
