import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LocalGatewayOptions } from '@helicone-kit/gateway';
import { servePages, type PageServer } from '../../packages/react/src/__tests__/chromium/serve-pages';
import { createAiSdkRoute } from './ai-sdk-route';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The local gateway (paced), both routes in front of it and the pages, on one loopback origin: pages at
 * `/helicone`, `/ai-sdk` and `/fetch` (the floor); the kit's route at `/api/helicone`, the AI SDK's at
 * `/api/ai-sdk/chat`.
 */
export function serveChatPages(pace: LocalGatewayOptions['pace']): Promise<PageServer> {
  let aiSdkRoute: ReturnType<typeof createAiSdkRoute> | undefined;
  return servePages({
    pages: {
      helicone: path.join(here, 'helicone-page.tsx'),
      'ai-sdk': path.join(here, 'ai-sdk-page.tsx'),
      fetch: path.join(here, 'fetch-page.ts'),
    },
    gateway: { pace },
    handle(request, response, gateway) {
      const { pathname } = new URL(request.url ?? '/', 'http://localhost');
      if (pathname !== '/api/ai-sdk/chat' || request.method !== 'POST') return false;
      aiSdkRoute ??= createAiSdkRoute(gateway);
      aiSdkRoute(request, response).catch((error: unknown) => {
        console.error('AI SDK route:', error);
        if (!response.headersSent) response.writeHead(500);
        response.end();
      });
      return true;
    },
  });
}
