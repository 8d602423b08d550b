import type { IncomingMessage } from 'node:http';

/** Marks a web body that wraps a node:http response, so the node adapter can pipe the original instead. */
export const NODE_BODY_SOURCE = Symbol.for('helicone-kit.node-body-source');

export type NodeBackedStream = ReadableStream<Uint8Array> & { [NODE_BODY_SOURCE]?: IncomingMessage };

/**
 * A web stream over a node:http response that touches the node stream only when first read (high-water mark 0),
 * so that until then the node adapter can still take the node stream and pipe it whole.
 */
export function nodeBackedStream(source: IncomingMessage): NodeBackedStream {
  let attached = false;
  let onData: ((chunk: Buffer) => void) | undefined;
  const stream: NodeBackedStream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (!attached) {
          attached = true;
          onData = (chunk) => {
            controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
            source.pause();
          };
          let settled = false;
          const fail = (error: unknown) => {
            if (settled) return;
            settled = true;
            controller.error(error);
          };
          source.on('data', onData);
          source.once('end', () => {
            if (settled) return;
            settled = true;
            controller.close();
          });
          source.once('error', fail);
          source.once('close', () => {
            if (!source.complete) fail(new Error('The upstream connection closed early.'));
          });
        }
        source.resume();
      },
      cancel() {
        if (onData) source.off('data', onData);
        source.destroy();
      },
    },
    { highWaterMark: 0 },
  );
  stream[NODE_BODY_SOURCE] = source;
  return stream;
}
