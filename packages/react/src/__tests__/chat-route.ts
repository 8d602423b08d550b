import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startLocalGateway, type LocalGateway, type LocalGatewayOptions } from '@helicone-kit/gateway';
import { createHeliconeHandler, type HeliconeHandlerOptions } from '@helicone-kit/server';
import { toNodeHandler } from '@helicone-kit/server/node';

export type ChatRoute = {
  gateway: LocalGateway;
  /** The route's absolute URL (jsdom's fetch is Node's, which needs one), e.g. `http://127.0.0.1:5123/api/helicone`. */
  api: string;
  /** The gateway's log entry for a request id, in Helicone's `HeliconeRequest` field names. */
  logged(requestId: string, includeBody?: boolean): Promise<Record<string, unknown> | undefined>;
  /** Route log lines (upstream failures), to check that none holds the key. */
  logLines: string[];
  close(): Promise<void>;
};

/** The route behind the node adapter on a real `node:http` server, in front of a local gateway; both on loopback port 0. */
export async function startChatRoute(
  options: HeliconeHandlerOptions = {},
  gatewayOptions: LocalGatewayOptions = {},
): Promise<ChatRoute> {
  const gateway = await startLocalGateway({ port: 0, onWarning: () => undefined, ...gatewayOptions });
  const logLines: string[] = [];
  const handler = createHeliconeHandler({
    apiKey: gateway.apiKey,
    baseURL: gateway.url,
    apiBaseURL: gateway.url,
    logger: {
      warn: (message) => void logLines.push(message),
      error: (message) => void logLines.push(message),
    },
    clientMay: { properties: '*', session: true, cache: true, retry: true, rateLimitPolicy: true },
    ...options,
  });
  const server: Server = createServer(toNodeHandler(handler));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    gateway,
    api: `http://127.0.0.1:${port}/api/helicone`,
    logLines,
    async logged(requestId, includeBody = false) {
      const query = includeBody ? '?includeBody=true' : '';
      const response = await fetch(`${gateway.url}/v1/request/${requestId}${query}`, {
        headers: { authorization: `Bearer ${gateway.apiKey}` },
      });
      if (response.status === 404) return undefined;
      const { data } = (await response.json()) as { data: Record<string, unknown> };
      return data;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await gateway.close();
    },
  };
}
