import type { CompletionChunk } from '../openai/types';
import { readCompletionEvent } from './read-completion-event';
import { readServerSentEvents, type ReadServerSentEventsOptions } from './read-server-sent-events';

/**
 * Yields the chunks of an OpenAI-style completion stream (chat chunks, or legacy `text_completion` chunks) until
 * `data: [DONE]` or the end of the body. An `error` object in the stream, an `event: error`, or a data line that is
 * not a JSON object throws a `StreamError` after every chunk before it was yielded. Stopping early cancels the body.
 */
export async function* parseChatCompletionStream(
  body: ReadableStream<Uint8Array>,
  options?: ReadServerSentEventsOptions,
): AsyncGenerator<CompletionChunk, void, undefined> {
  for await (const { data, event } of readServerSentEvents(body, options)) {
    const chunk = readCompletionEvent(data, event);
    if (chunk === 'done') return;
    if (chunk) yield chunk;
  }
}
