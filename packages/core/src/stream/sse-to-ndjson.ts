import { createParser } from 'eventsource-parser';
import { isRecord } from '../internal/is-record';
import { isStreamError } from './read-completion-event';

/** The type of the stream the route sends the kit's own transport: one line of JSON per event. */
export const NDJSON_CONTENT_TYPE = 'application/x-ndjson';

/** An `event: error`'s data as a line the reader takes for an error: `{"error": ...}` with what it said. */
function errorLine(data: string): string {
  let payload: unknown = data;
  try {
    payload = JSON.parse(data);
  } catch {
    // A text: it is the message.
  }
  const error = isRecord(payload) && isStreamError(payload.error) ? payload.error : payload;
  return JSON.stringify({ error: isStreamError(error) ? error : 'Stream error' });
}

/**
 * Re-frames an OpenAI-style server-sent-event stream as NDJSON, for a reader that should not need an SSE parser
 * (the kit's browser transport, which the route answers this way when it asks for `application/x-ndjson`): one line
 * per event, its data with the line breaks of a multi-line `data:` made spaces (whitespace between JSON tokens);
 * an `event: error` as `{"error": ...}`; `[DONE]` as it is; comments, ids, `retry:` and empty events left out.
 * The lines of one input chunk go out as one chunk.
 */
export function sseToNdjson(): TransformStream<Uint8Array, Uint8Array> {
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  let lines = '';
  const parser = createParser({
    onEvent({ event, data }) {
      if (!data.trim()) return;
      lines += `${event === 'error' ? errorLine(data) : data.replaceAll('\n', ' ')}\n`;
    },
  });
  const feed = (text: string, controller: TransformStreamDefaultController<Uint8Array>) => {
    parser.feed(text);
    if (lines) controller.enqueue(encoder.encode(lines));
    lines = '';
  };
  return new TransformStream({
    transform: (chunk, controller) => feed(decoder.decode(chunk, { stream: true }), controller),
    // An event whose final blank line never came (a stream that ends right after `data: [DONE]`) still counts.
    flush: (controller) => feed(`${decoder.decode()}\n\n`, controller),
  });
}
