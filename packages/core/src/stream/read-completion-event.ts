import { StreamError } from '../errors/stream-error';
import { cut } from '../internal/cut';
import { isRecord } from '../internal/is-record';
import type { CompletionChunk } from '../openai/types';

/** An `error` a stream means: an object or a non-empty string (`error: null`, `false`, `""` or `0` on a chunk are not). */
export const isStreamError = (value: unknown): boolean =>
  isRecord(value) || (typeof value === 'string' && value.trim() !== '');

/**
 * What one event of an OpenAI-style completion stream says, from its data (an SSE event's, or a line of the
 * route's NDJSON) and its SSE event name: a chunk (chat, or legacy `text_completion`), `'done'` at `[DONE]`, or
 * `undefined` for no data. An `error` object, an `event: error`, or data that is not a JSON object throws a
 * `StreamError`.
 */
export function readCompletionEvent(raw: string, event?: string): CompletionChunk | 'done' | undefined {
  const data = raw.trim();
  if (data === '[DONE]') return 'done';
  if (!data) return undefined;
  const named = event === 'error';
  let payload: unknown;
  try {
    payload = JSON.parse(data);
  } catch (cause) {
    // The data of an `event: error` may be plain text: then it is the message.
    throw named ? streamErrorFrom(data) : invalidData('valid JSON', data, cause);
  }
  const error = isRecord(payload) ? payload.error : undefined;
  if (isStreamError(error)) throw streamErrorFrom(error);
  if (named) throw streamErrorFrom(payload);
  if (!isRecord(payload)) throw invalidData('a JSON object', data);
  return payload as CompletionChunk;
}

const invalidData = (what: string, data: string, cause?: unknown) =>
  new StreamError({
    message: `Stream data is not ${what}: ${cut(data, 200)}`,
    type: 'invalid_stream_data',
    error: data,
    cause,
  });

/** Reads `{message, type, param, code}`, or a text that is the message; anything else is a plain `Stream error`. */
function streamErrorFrom(error: unknown): StreamError {
  const { message, code, type, param } = isRecord(error) ? error : { message: error };
  return new StreamError({
    // The longest message taken from the stream's own text is 1,000 characters.
    message: typeof message === 'string' && message.trim() ? cut(message, 1000) : 'Stream error',
    code: typeof code === 'string' || typeof code === 'number' || code === null ? code : undefined,
    type: typeof type === 'string' ? type : undefined,
    param: typeof param === 'string' || param === null ? param : undefined,
    error,
  });
}
