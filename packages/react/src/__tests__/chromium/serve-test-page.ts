import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LocalGatewayOptions } from '@helicone-kit/gateway';
import { servePages, type PageServer } from './serve-pages';

export type TestPageServer = PageServer;

const testPage = path.join(path.dirname(fileURLToPath(import.meta.url)), 'test-page.tsx');

/**
 * `test-page.tsx` at `/` and the route (in front of a local gateway), on one loopback origin. `?csp` gives the page
 * a policy that forbids workers (the chat must then stream in the page itself).
 */
export function serveTestPage(gateway: LocalGatewayOptions = {}): Promise<TestPageServer> {
  return servePages({
    pages: { index: testPage },
    gateway,
    pageHeaders: (query): Record<string, string> =>
      query.has('csp') ? { 'content-security-policy': "worker-src 'none'" } : {},
  });
}
