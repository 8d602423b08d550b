import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLocalGateway, type LocalGatewayOptions } from '@helicone-kit/gateway';
import { createHeliconeHandler } from '@helicone-kit/server';
import { toNodeHandler } from '@helicone-kit/server/node';
import { build } from 'esbuild';
import { createAiSdkRoute } from './ai-sdk-route';

export type ChatPagesServer = {
  /**
   * Pages at `/helicone`, `/ai-sdk` and `/fetch` (the floor); the kit's route at `/api/helicone`, the AI SDK's at
   * `/api/ai-sdk/chat`.
   */
  origin: string;
  close(): Promise<void>;
};

const here = path.dirname(fileURLToPath(import.meta.url));
const pages = { helicone: 'helicone-page.tsx', 'ai-sdk': 'ai-sdk-page.tsx', fetch: 'fetch-page.ts' };

/**
 * The pages bundled as an app would ship them: minified, React in production mode (its profiling build, so the
 * `Profiler` counts commits), the kit from source.
 */
async function bundlePages(): Promise<Map<string, string>> {
  const result = await build({
    entryPoints: Object.fromEntries(
      Object.entries(pages).map(([page, file]) => [page, path.join(here, file)]),
    ),
    outdir: path.join(here, 'out'),
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

/** The local gateway (paced), both routes in front of it and both pages, all on one loopback origin. */
export async function serveChatPages(pace: LocalGatewayOptions['pace']): Promise<ChatPagesServer> {
  const scripts = await bundlePages();
  const gateway = await startLocalGateway({ pace, onWarning: () => undefined });
  const heliconeRoute = toNodeHandler(
    createHeliconeHandler({
      apiKey: gateway.apiKey,
      baseURL: gateway.url,
      apiBaseURL: gateway.url,
      logger: { warn: () => undefined, error: () => undefined },
    }),
  );
  const aiSdkRoute = createAiSdkRoute(gateway);
  const server: Server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (pathname === '/api/ai-sdk/chat' && request.method === 'POST') {
      aiSdkRoute(request, response).catch((error: unknown) => {
        console.error('AI SDK route:', error);
        if (!response.headersSent) response.writeHead(500);
        response.end();
      });
      return;
    }
    heliconeRoute(request, response, () => {
      const script = scripts.get(pathname);
      if (script !== undefined) {
        response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(script);
      } else if (Object.hasOwn(pages, pathname.slice(1))) {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html(pathname.slice(1)));
      } else {
        response.writeHead(404).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await gateway.close();
    },
  };
}
