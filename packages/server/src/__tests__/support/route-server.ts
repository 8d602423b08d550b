import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startLocalGateway, type LocalGateway, type LocalGatewayOptions } from '@helicone-kit/gateway';
import { createHeliconeHandler } from '../../create-helicone-handler';
import type { HeliconeHandlerOptions } from '../../options/helicone-handler-options';
import { toNodeHandler } from '../../node/to-node-handler';
import { captureLog } from './no-secret';

export type RouteServer = {
  gateway: LocalGateway;
  /** The route's origin, e.g. `http://127.0.0.1:50123`. */
  origin: string;
  /** `${origin}/api/helicone`. */
  base: string;
  log: ReturnType<typeof captureLog>;
  /** The gateway's log entry for a request id (Helicone's `HeliconeRequest` fields). */
  logged(requestId: string): Promise<Record<string, unknown> | undefined>;
  close(): Promise<void>;
};

/**
 * The route behind `node:http` (through the node adapter) in front of a local gateway, both on loopback port 0.
 */
export async function startRouteServer(
  options: HeliconeHandlerOptions = {},
  gatewayOptions: LocalGatewayOptions = {},
): Promise<RouteServer> {
  const gateway = await startLocalGateway({
    onWarning: () => undefined,
    // Not `sk-helicone-…`: core masks that pattern itself, which would hide a gap in the route's redaction.
    apiKey: `route-socket-key-${randomBytes(12).toString('hex')}`,
    ...gatewayOptions,
  });
  const log = captureLog();
  const handler = createHeliconeHandler({
    apiKey: gateway.apiKey,
    baseURL: gateway.url,
    apiBaseURL: gateway.url,
    logger: log.logger,
    ...options,
  });
  const server: Server = createServer(toNodeHandler(handler));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    gateway,
    origin,
    base: `${origin}/api/helicone`,
    log,
    async logged(requestId) {
      const response = await fetch(`${gateway.url}/v1/request/${requestId}`, {
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
