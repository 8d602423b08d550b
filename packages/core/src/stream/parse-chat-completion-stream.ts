import { StreamError } from '../errors/stream-error';
import { cut } from '../internal/cut';
import { isRecord } from '../internal/is-record';
import type { CompletionChunk } from '../openai/types';
import { readServerSentEvents, type ReadServerSentEventsOptions } from './read-server-sent-events';

const doneMarker = '[DONE]';

/**
 * Yields the chunks of an OpenAI-style completion stream (chat chunks, or legacy `text_completion` chunks) until
 * `data: [DONE]` or the end of the body. An `error` object in the stream, an `event: error`, or a data line that is
 * not a JSON object throws a `StreamError` after every chunk before it was yielded. Stopping early cancels the body.
 */
export async function* parseChatCompletionStream(
  body: ReadableStream<Uint8Array>,
  options: ReadServerSentEventsOptions = {},
): AsyncGenerator<CompletionChunk, void, undefined> {
  for await (const event of readServerSentEvents(body, options)) {
    const data = event.data.trim();
    if (data === doneMarker) return;
    if (data === '') continue;
    const payload = parseData(data);
    if (
      event.event === 'error' ||
      (isRecord(payload) && payload.error !== undefined && payload.error !== null)
    ) {
      throw streamErrorFrom(payload);
    }
    if (!isRecord(payload)) {
      throw new StreamError({
        message: `Stream data is not a JSON object: ${cut(data, 200)}`,
        type: 'invalid_stream_data',
        error: data,
      });
    }
    yield payload as CompletionChunk;
  }
}

function parseData(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch (cause) {
    throw new StreamError({
      message: `Stream data is not valid JSON: ${cut(data, 200)}`,
      type: 'invalid_stream_data',
      error: data,
      cause,
    });
  }
}

/** Reads `{error: {message, type, param, code}}`, `{error: "text"}`, or a bare error object (`event: error`). */
function streamErrorFrom(payload: unknown): StreamError {
  const container = isRecord(payload) && 'error' in payload ? payload.error : payload;
  if (typeof container === 'string') return new StreamError({ message: container, error: container });
  const record = isRecord(container) ? container : {};
  const message =
    typeof record.message === 'string' && record.message !== '' ? record.message : 'Stream error';
  const code = record.code;
  return new StreamError({
    message,
    code: typeof code === 'string' || typeof code === 'number' || code === null ? code : undefined,
    type: typeof record.type === 'string' ? record.type : undefined,
    param: typeof record.param === 'string' || record.param === null ? record.param : undefined,
    error: container,
  });
}
