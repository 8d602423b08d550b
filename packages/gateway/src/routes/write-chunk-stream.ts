import type { Exchange } from '../http/exchange';
import { doneEvent, eventText, writeEventText } from '../http/event-stream';
import { StreamTally } from './stream-tally';

export type StreamOutcome = { completed: boolean; tally: StreamTally; chunks: unknown[] };

/**
 * Writes chunks as SSE events as they come. When the source is done, `beforeDone` runs (the log row is
 * committed there) and only then the final `data: [DONE]` goes out, so a client that has the last byte can
 * count on the row. On a client abort the loop stops at once and `completed` is false.
 */
export async function writeChunkStream(
  exchange: Exchange,
  source: AsyncIterable<unknown>,
  beforeDone: (outcome: StreamOutcome) => void,
): Promise<StreamOutcome> {
  const tally = new StreamTally();
  const chunks: unknown[] = [];
  const { response, signal } = exchange;
  for await (const chunk of source) {
    if (signal.aborted) break;
    tally.add(chunk);
    chunks.push(chunk);
    const text = typeof chunk === 'string' ? chunk : eventText(chunk);
    if (!(await writeEventText(response, text, signal))) break;
  }
  const outcome = { completed: !signal.aborted && !response.destroyed, tally, chunks };
  beforeDone(outcome);
  if (outcome.completed) response.end(doneEvent);
  return outcome;
}
