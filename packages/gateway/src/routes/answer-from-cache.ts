import type { CachedAnswer } from '../behaviours/cache-store';
import { startEventStream } from '../http/event-stream';
import type { HeaderMap } from '../http/respond';
import type { RecordFields } from '../log/build-record';
import type { GatewayCall } from './gateway-call';
import { completionToChunks } from './completion-to-chunks';
import { foldCachedChunks } from './fold-cached-chunks';
import { replayChunks } from './replay-chunks';
import { servedHeaders } from './served-headers';
import { writeChunkStream } from './write-chunk-stream';

/**
 * A cache hit: the saved answer (JSON, or its chunks replayed as a stream), logged with cost 0. When the saved
 * kind differs from the request's, a stream is folded into its JSON body and a JSON body split into chunks.
 */
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
  // A hit of the other kind (`stream` among the ignored keys) answers in the kind the request asked for.
  if (!stream) {
    const body = answer.kind === 'json' ? (answer.body ?? {}) : foldCachedChunks(answer.chunks ?? []);
    const text = JSON.stringify(body);
    call.record({ ...fields, status: 'success', httpStatus: 200, responseBody: text });
    exchange.response.writeHead(200, { ...headers, 'content-type': 'application/json' });
    exchange.response.end(text);
    return;
  }
  const chunks = answer.kind === 'stream' ? (answer.chunks ?? []) : completionToChunks(answer.body ?? {});
  startEventStream(exchange.response, headers);
  await writeChunkStream(exchange, replayChunks(chunks), (outcome) =>
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
