import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CacheStore } from './behaviours/cache-store';
import { copyFaults } from './behaviours/faults';
import { PromptStore } from './behaviours/prompt-store';
import { RateLimiter } from './behaviours/rate-limiter';
import type { GatewayState } from './gateway-state';
import { handleRequest } from './http/handle-request';
import { openRequestLog } from './log/request-log';
import { createProvider } from './providers/create-provider';
import type { LocalGateway, LocalGatewayOptions } from './types';

/** Tests get answers at once; pass a pace (e.g. `{ firstTokenMs: 300, tokensPerSecond: 40 }`) for a demo. */
const defaultPace = { firstTokenMs: 0, tokensPerSecond: Infinity };

/**
 * Starts a local Helicone-compatible gateway on `host:port` (port 0 picks a free one) with its request log
 * in SQLite. Resolves once it listens.
 */
export async function startLocalGateway(options: LocalGatewayOptions = {}): Promise<LocalGateway> {
  const apiKey = options.apiKey ?? `sk-helicone-local-${randomBytes(16).toString('hex')}`;
  const timeScale = options.timeScale ?? 1;
  if (!(timeScale > 0) || !Number.isFinite(timeScale))
    throw new RangeError('timeScale must be a number > 0.');
  const prompts = options.prompts === undefined ? new PromptStore() : PromptStore.fromFile(options.prompts);
  const warn = options.onWarning ?? ((message: string) => console.warn(`[helicone-kit-gateway] ${message}`));
  const warned = new Set<string>();
  const warnOnce = (message: string) => {
    if (warned.has(message)) return;
    warned.add(message);
    warn(message);
  };
  const log = openRequestLog(options.database ?? ':memory:');
  const state: GatewayState = {
    apiKey,
    log,
    pace: { ...defaultPace, ...options.pace },
    faults: copyFaults(options.faults),
    timeScale,
    dev: options.dev ?? false,
    streamCache: options.streamCache ?? 'replay',
    errorFormat: options.errorFormat ?? 'gateway',
    providerTimeoutMs: options.providerTimeoutMs ?? 30_000,
    provider: createProvider(options.upstream, () => state.pace),
    cache: new CacheStore(),
    rateLimiter: new RateLimiter(timeScale, warn),
    prompts,
    warn,
    warnOnce,
    open: new Set(),
    completedRequests: 0,
  };
  const server = createServer({ noDelay: true, keepAlive: true }, (request, response) => {
    void handleRequest(state, request, response);
  });
  const host = options.host ?? '127.0.0.1';
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    log.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${port}`,
    apiKey,
    setFaults(faults) {
      state.faults = copyFaults(faults);
    },
    stats() {
      return { openRequests: state.open.size, completedRequests: state.completedRequests };
    },
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        const open = [...state.open];
        // Abort first (streams log themselves cancelled), then drop every socket, so a client still sending
        // its body cannot keep a handler, and so the database, open.
        for (const request of open) request.abort();
        server.closeAllConnections();
        await Promise.all(open.map((request) => request.done));
        await stopped;
        log.close();
      })();
      return closing;
    },
  };
}
