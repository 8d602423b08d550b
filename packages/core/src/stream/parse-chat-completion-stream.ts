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
    if (event.event === 'error') throw namedErrorFrom(data);
    const payload = parseData(data);
    if (isRecord(payload) && isError(payload.error)) throw streamErrorFrom(payload);
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

/** Longest message taken from the stream's own text. */
const MAX_MESSAGE_LENGTH = 1000;

/** Only an object or a non-empty string is an error: `error: null`, `false`, `""` or `0` on a chunk are not. */
const isError = (value: unknown): boolean =>
  isRecord(value) || (typeof value === 'string' && value.trim() !== '');

/** `event: error`: its data is the error, as JSON, or as plain text that is the message. */
function namedErrorFrom(data: string): StreamError {
  let payload: unknown;
  try {
    payload = JSON.parse(data);
  } catch {
    return new StreamError({ message: cut(data, MAX_MESSAGE_LENGTH), error: data });
  }
  return streamErrorFrom(isRecord(payload) && isError(payload.error) ? payload : { error: payload });
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

/** Reads `{error: {message, type, param, code}}`, `{error: "text"}`, or `{error: <anything else>}`. */
function streamErrorFrom(payload: { error?: unknown }): StreamError {
  const container = payload.error;
  if (typeof container === 'string' && container.trim() !== '') {
    return new StreamError({ message: cut(container, MAX_MESSAGE_LENGTH), error: container });
  }
  const record = isRecord(container) ? container : {};
  const message =
    typeof record.message === 'string' && record.message.trim() !== ''
      ? cut(record.message, MAX_MESSAGE_LENGTH)
      : 'Stream error';
  const code = record.code;
  return new StreamError({
    message,
    code: typeof code === 'string' || typeof code === 'number' || code === null ? code : undefined,
    type: typeof record.type === 'string' ? record.type : undefined,
    param: typeof record.param === 'string' || record.param === null ? record.param : undefined,
    error: container,
  });
}
