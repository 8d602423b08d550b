import type { IncomingMessage, ServerResponse } from 'node:http';
import { finished } from 'node:stream';
import { NODE_BODY_SOURCE, type NodeBackedStream } from './node-body-source';

/** Resolves when the socket can take more, or false when the client has gone. */
function drained(response: ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    const onDrain = () => {
      response.off('close', onClose);
      resolve(true);
    };
    const onClose = () => {
      response.off('drain', onDrain);
      resolve(false);
    };
    response.once('drain', onDrain);
    response.once('close', onClose);
  });
}

/**
 * Writes a web `Response` to Node: headers at once (the browser sees a stream start before its first token),
 * then each chunk as it arrives, with backpressure and no buffering. A body that fails mid-way destroys the
 * socket, so a cut stream never looks complete.
 */
export async function writeWebResponse(webResponse: Response, response: ServerResponse): Promise<void> {
  // One writeHead with a flat [name, value, ...] list: cheaper than a setHeader call per header.
  const fields: (string | string[])[] = [];
  let cookies = false;
  webResponse.headers.forEach((value, name) => {
    if (name === 'set-cookie') cookies = true;
    else fields.push(name, value);
  });
  if (cookies) fields.push('set-cookie', webResponse.headers.getSetCookie());
  response.writeHead(webResponse.status, fields as string[]);

  const body = webResponse.body;
  if (body === null) {
    response.end();
    return;
  }
  response.flushHeaders();
  const source = (body as NodeBackedStream)[NODE_BODY_SOURCE];
  if (source !== undefined && !body.locked) return pipeSource(source, response);
  const reader = body.getReader();
  let corked = false;
  const uncork = () => {
    corked = false;
    response.uncork();
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (response.destroyed) {
        await reader.cancel();
        return;
      }
      // Chunks already queued are read in the same tick: corked, they leave in one write instead of one
      // each. Nothing waits for more: the socket is uncorked before the event loop moves on.
      if (!corked) {
        corked = true;
        response.cork();
        process.nextTick(uncork);
      }
      if (!response.write(value) && !(await drained(response))) {
        await reader.cancel();
        return;
      }
    }
    response.end();
  } catch (error) {
    response.destroy(error instanceof Error ? error : new Error(String(error)));
    await reader.cancel().catch(() => undefined);
  }
}

/** The upstream answer came over node:http and nobody read it: pipe it socket to socket, no web streams. */
function pipeSource(source: IncomingMessage, response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    finished(source, (error) => {
      // A cut upstream must reach the client as a cut, never as a clean end.
      if (error && !response.destroyed) response.destroy(error);
      resolve();
    });
    response.once('close', () => {
      if (!response.writableFinished) source.destroy();
    });
    source.pipe(response);
  });
}
