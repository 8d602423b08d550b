import type { ServerResponse } from 'node:http';
import type { Fault } from '../types';

/** Where a mid-stream fault strikes when it names no token count. */
const defaultAfterTokens = 3;

/** The broken chunk a `malformed` fault sends: JSON cut off in the middle. */
export const malformedEvent =
  'data: {"id":"malformed","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":\n\n';

/**
 * Passes chunks through until `afterTokens` have gone, then either cuts the connection (`cut`) or slips in one
 * malformed event and goes on (`malformed`).
 */
export async function* withStreamFault<T>(
  chunks: AsyncIterable<T>,
  fault: Extract<Fault, { type: 'cut' | 'malformed' }> | undefined,
  response: ServerResponse,
): AsyncGenerator<T | string> {
  let sent = 0;
  const after = fault?.afterTokens ?? defaultAfterTokens;
  for await (const chunk of chunks) {
    if (fault && sent === after) {
      if (fault.type === 'cut') {
        response.destroy();
        return;
      }
      yield malformedEvent;
    }
    yield chunk;
    sent++;
  }
}
