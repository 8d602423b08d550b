import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GatewayState, OpenRequest } from '../gateway-state';
import { route } from '../routes/route';
import type { Exchange } from './exchange';
import { sendText } from './respond';

/**
 * Wraps one HTTP exchange: an abort signal that fires the moment the client goes away (or the gateway
 * closes), an entry in the open-request set for `stats()` and `close()`, and a last-resort 500 that never
 * says more than "Internal error".
 */
export async function handleRequest(
  state: GatewayState,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const controller = new AbortController();
  let settle = () => {};
  const open: OpenRequest = {
    abort: () => controller.abort(),
    done: new Promise<void>((resolve) => (settle = resolve)),
  };
  state.open.add(open);
  response.on('close', () => {
    if (!response.writableFinished) controller.abort();
  });
  const exchange: Exchange = {
    request,
    response,
    // Concatenated, not resolved: a path like `//chat/completions` must stay a path.
    url: new URL(`http://gateway.local${request.url ?? '/'}`),
    startedAt: Date.now(),
    signal: controller.signal,
  };
  try {
    await route(state, exchange);
  } catch (error) {
    if (!controller.signal.aborted) {
      state.warn(
        `Unexpected error on ${request.method ?? ''} ${exchange.url.pathname}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (!response.headersSent) sendText(response, 500, 'Internal error');
    else response.destroy();
  } finally {
    state.open.delete(open);
    state.completedRequests++;
    settle();
  }
}
