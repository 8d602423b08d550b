import type { ServerResponse } from 'node:http';
import type { HeaderMap } from './respond';

/** Sends the SSE response head at once (no buffering: every later write goes out as its own frame). */
export function startEventStream(response: ServerResponse, headers: HeaderMap): void {
  response.writeHead(200, {
    ...headers,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  response.flushHeaders();
}

/**
 * Writes raw SSE text, waiting for `drain` when the socket is full. Resolves false when the client is gone.
 */
export function writeEventText(
  response: ServerResponse,
  text: string,
  signal: AbortSignal,
): Promise<boolean> {
  if (signal.aborted || response.destroyed) return Promise.resolve(false);
  if (response.write(text)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const finish = (ok: boolean) => {
      response.off('drain', onDrain);
      signal.removeEventListener('abort', onAbort);
      resolve(ok);
    };
    const onDrain = () => finish(true);
    const onAbort = () => finish(false);
    response.once('drain', onDrain);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export function eventText(data: unknown): string {
  return `data: ${JSON.stringify(data)}\n\n`;
}

export const doneEvent = 'data: [DONE]\n\n';
