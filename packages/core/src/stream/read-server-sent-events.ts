import { createParser, type EventSourceMessage } from 'eventsource-parser';

/** One server-sent event: `data` lines joined with `\n`, the `event:` name and `id:` when the server sent them. */
export type ServerSentEvent = EventSourceMessage;

export type ReadServerSentEventsOptions = {
  /** Aborting cancels the body and makes the generator throw the signal's reason. */
  signal?: AbortSignal;
};

/**
 * Reads server-sent events from a byte stream, whatever the chunk boundaries (also inside a multi-byte UTF-8
 * character), with LF, CRLF or CR line ends; comments (keep-alives) are skipped, and so are the unknown fields and
 * bad `retry:` values the SSE spec says to ignore. An event whose final blank line never came (a stream that ends
 * right after `data: [DONE]`) is still delivered. Stopping early (`break`, `return()`) cancels the body.
 */
export async function* readServerSentEvents(
  body: ReadableStream<Uint8Array>,
  { signal }: ReadServerSentEventsOptions = {},
): AsyncGenerator<ServerSentEvent, void, undefined> {
  signal?.throwIfAborted();
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const events: ServerSentEvent[] = [];
  const parser = createParser({ onEvent: (event) => events.push(event) });
  // A pending read then ends as if the body had: the check after the loop throws the reason.
  const onAbort = () => void reader.cancel(signal?.reason).catch(() => undefined);
  signal?.addEventListener('abort', onAbort);
  let done: boolean | undefined;
  try {
    while (!done) {
      let value: Uint8Array | undefined;
      ({ done, value } = await reader.read());
      // At the end, flush a partial UTF-8 sequence and dispatch an event that lacks its closing blank line.
      parser.feed(decoder.decode(value, { stream: !done }) + (done ? '\n\n' : ''));
      while (events.length > 0) {
        signal?.throwIfAborted();
        yield events.shift()!;
      }
    }
    signal?.throwIfAborted();
  } finally {
    signal?.removeEventListener('abort', onAbort);
    if (!done) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
