/** One server-sent event: `data` lines joined with `\n`, the `event:` name and `id:` when the server sent them. */
export type ServerSentEvent = {
  id?: string | undefined;
  event?: string | undefined;
  data: string;
};

export type ReadServerSentEventsOptions = {
  /** Aborting cancels the body and makes the generator throw the signal's reason. */
  signal?: AbortSignal;
};

/**
 * Reads server-sent events from a byte stream, whatever the chunk boundaries (also inside a multi-byte UTF-8
 * character), with LF, CRLF or CR line ends; comments (keep-alives) are skipped, and so are the unknown fields and
 * `retry:` lines (the SSE spec's parsing, without the reconnection an `EventSource` does). An event whose final
 * blank line never came (a stream that ends right after `data: [DONE]`) is still delivered. Stopping early
 * (`break`, `return()`) cancels the body.
 */
export async function* readServerSentEvents(
  body: ReadableStream<Uint8Array>,
  { signal }: ReadServerSentEventsOptions = {},
): AsyncGenerator<ServerSentEvent, void, undefined> {
  signal?.throwIfAborted();
  const reader = body.getReader();
  const decoder = new TextDecoder();
  /** The line not ended yet. */
  let rest = '';
  /** The event being read: its data lines joined (`undefined` before the first), name and id. */
  let data: string | undefined;
  let name: string | undefined;
  let id: string | undefined;
  // A pending read then ends as if the body had: the check after the loop throws the reason.
  const onAbort = () => void reader.cancel(signal?.reason).catch(() => undefined);
  signal?.addEventListener('abort', onAbort);
  let done: boolean | undefined;
  try {
    while (!done) {
      let value: Uint8Array | undefined;
      ({ done, value } = await reader.read());
      // At the end, flush a partial UTF-8 sequence and dispatch an event that lacks its closing blank line. A CR
      // that ends the text so far is left in `rest`: it may be the first half of a CRLF.
      const lines = (rest + decoder.decode(value, { stream: !done }) + (done ? '\n\n' : '')).split(
        /\r\n|\r(?!$)|\n/,
      );
      rest = lines.pop()!;
      for (const line of lines) {
        // `field: value` (a space after the colon is not part of the value), or a field alone; a comment
        // (`: keep-alive`) has an empty field name, and a blank line dispatches the event.
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(line[colon + 1] === ' ' ? colon + 2 : colon + 1);
        if (!line) {
          if (data !== undefined) {
            signal?.throwIfAborted();
            yield { id, event: name, data };
          }
          data = name = id = undefined;
        } else if (field === 'data') data = data === undefined ? value : `${data}\n${value}`;
        else if (field === 'event') name = value || undefined;
        else if (field === 'id' && !value.includes('\0')) id = value;
      }
    }
    signal?.throwIfAborted();
  } finally {
    signal?.removeEventListener('abort', onAbort);
    if (!done) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
