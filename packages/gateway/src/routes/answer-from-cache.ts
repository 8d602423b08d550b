import type { CachedAnswer } from '../behaviours/cache-store';
import { startEventStream } from '../http/event-stream';
import type { HeaderMap } from '../http/respond';
import type { RecordFields } from '../log/build-record';
import type { GatewayCall } from './gateway-call';
import { replayChunks } from './replay-chunks';
import { servedHeaders } from './served-headers';
import { writeChunkStream } from './write-chunk-stream';

/** A cache hit: the saved answer (JSON, or its chunks replayed as a stream), logged with cost 0. */
export async function answerFromCache(
  call: GatewayCall,
  answer: CachedAnswer,
  stream: boolean,
  extraHeaders: HeaderMap,
  base: Partial<RecordFields>,
): Promise<void> {
  const { exchange } = call;
  const headers = {
    ...servedHeaders(call, { mode: answer.mode, provider: answer.provider, providerModelId: answer.model }),
    ...extraHeaders,
  };
  const fields = {
    ...base,
    model: answer.model,
    provider: answer.provider,
    cacheHit: true,
    costUsd: 0,
    promptTokens: answer.promptTokens,
    completionTokens: answer.completionTokens,
    attempts: [],
  };
  if (!stream || answer.kind === 'json' || answer.chunks === undefined) {
    const text = JSON.stringify(answer.body ?? {});
    call.record({ ...fields, status: 'success', httpStatus: 200, responseBody: text });
    exchange.response.writeHead(200, { ...headers, 'content-type': 'application/json' });
    exchange.response.end(text);
    return;
  }
  startEventStream(exchange.response, headers);
  await writeChunkStream(exchange, replayChunks(answer.chunks), (outcome) =>
    call.record({
      ...fields,
      status: outcome.completed ? 'success' : 'cancelled',
      httpStatus: 200,
      stream: true,
      timeToFirstTokenMs:
        outcome.tally.firstTokenAt === null ? null : outcome.tally.firstTokenAt - exchange.startedAt,
      responseBody: JSON.stringify(outcome.completion),
    }),
  );
}
