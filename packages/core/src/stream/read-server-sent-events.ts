import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { StreamError } from '../errors/stream-error';

/** One server-sent event: `data` lines joined with `\n`, the `event:` name and `id:` when the server sent them. */
export type ServerSentEvent = EventSourceMessage;

export type ReadServerSentEventsOptions = {
  /** Aborting cancels the body and makes the generator throw the signal's reason. */
  signal?: AbortSignal;
};

/**
 * Reads server-sent events from a byte stream, whatever the chunk boundaries (also inside a multi-byte UTF-8
 * character), with LF, CRLF or CR line ends; comments (keep-alives) are skipped. An event whose final blank line
 * never came (a stream that ends right after `data: [DONE]`) is still delivered. Stopping early (`break`,
 * `return()`) cancels the body.
 */
export async function* readServerSentEvents(
  body: ReadableStream<Uint8Array>,
  options: ReadServerSentEventsOptions = {},
): AsyncGenerator<ServerSentEvent, void, undefined> {
  const { signal } = options;
  signal?.throwIfAborted();
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const pending: ServerSentEvent[] = [];
  let parseError: StreamError | undefined;
  const parser = createParser({
    onEvent: (event) => pending.push(event),
    onError: (error) => {
      // Unknown fields and bad `retry:` values are ignorable by the SSE spec; an oversized line is not.
      if (error.type === 'max-buffer-size-exceeded') {
        parseError ??= new StreamError({ message: error.message, type: 'invalid_stream_data', cause: error });
      }
    },
  });
  const onAbort = () => void reader.cancel(signal?.reason).catch(() => undefined);
  signal?.addEventListener('abort', onAbort, { once: true });
  let finished = false;
  try {
    while (!finished) {
      const { done, value } = await reader.read();
      signal?.throwIfAborted();
      if (done) {
        finished = true;
        // Flush a partial UTF-8 sequence and dispatch an event that lacks its closing blank line.
        parser.feed(`${decoder.decode()}\n\n`);
      } else {
        parser.feed(decoder.decode(value, { stream: true }));
      }
      if (parseError) throw parseError;
      while (pending.length > 0) {
        signal?.throwIfAborted();
        yield pending.shift()!;
      }
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
