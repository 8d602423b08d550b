import { ChatCompletionAccumulator, type ChatCompletion, type CompletionChunk } from '@helicone-kit/core';
import type { Exchange } from '../http/exchange';
import { doneEvent, eventText, writeEventText } from '../http/event-stream';
import { StreamTally } from './stream-tally';

export type StreamOutcome = {
  completed: boolean;
  tally: StreamTally;
  chunks: unknown[];
  /** The chunks folded into one completion (core's accumulator): what the log keeps as the response body. */
  completion: ChatCompletion;
  /** Set when the source itself failed (an upstream stream that broke off). */
  error?: string;
};

/**
 * Writes chunks as SSE events as they come. When the source is done, `beforeDone` runs (the log row is
 * committed there) and only then the final `data: [DONE]` goes out, so a client that has the last byte can
 * count on the row. On a client abort the loop stops at once and `completed` is false; when the source fails,
 * the row is written with the error and the connection is cut, as a provider that broke off would leave it.
 */
export async function writeChunkStream(
  exchange: Exchange,
  source: AsyncIterable<unknown>,
  beforeDone: (outcome: StreamOutcome) => void,
): Promise<StreamOutcome> {
  const tally = new StreamTally();
  const chunks: unknown[] = [];
  const accumulator = new ChatCompletionAccumulator();
  const { response, signal } = exchange;
  let error: string | undefined;
  try {
    for await (const chunk of source) {
      if (signal.aborted) break;
      tally.add(chunk);
      chunks.push(chunk);
      if (
        typeof chunk === 'object' &&
        chunk !== null &&
        Array.isArray((chunk as { choices?: unknown }).choices)
      ) {
        accumulator.add(chunk as CompletionChunk);
      }
      const text = typeof chunk === 'string' ? chunk : eventText(chunk);
      if (!(await writeEventText(response, text, signal))) break;
    }
  } catch (cause) {
    if (!signal.aborted) error = cause instanceof Error ? cause.message : String(cause);
  }
  const outcome: StreamOutcome = {
    completed: error === undefined && !signal.aborted && !response.destroyed,
    tally,
    chunks,
    completion: accumulator.snapshot(),
    ...(error === undefined ? {} : { error }),
  };
  beforeDone(outcome);
  if (outcome.completed) response.end(doneEvent);
  else if (error !== undefined) response.destroy();
  return outcome;
}
