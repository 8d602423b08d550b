import { planAttempts, type Attempt } from '../behaviours/attempts';
import { lookUpCache, type CacheLookup } from '../behaviours/cache-plan';
import type { CachedAnswer } from '../behaviours/cache-store';
import { attemptCost } from '../behaviours/cost';
import { attemptsErrorBody } from '../behaviours/error-body';
import { retryDelays } from '../behaviours/retry-delays';
import { runAttempts, type AttemptOutcome, type AttemptSuccess } from '../behaviours/run-attempts';
import { countPromptTokens, type PromptMessage } from '../generator/prompt-tokens';
import { startEventStream } from '../http/event-stream';
import type { HeaderMap } from '../http/respond';
import type { ProviderRequest } from '../providers/types';
import type { GatewayCall } from './gateway-call';
import { replayChunks } from './replay-chunks';
import { malformedEvent, withStreamFault } from './stream-fault';
import { writeChunkStream } from './write-chunk-stream';

export type Operation = ProviderRequest['operation'];

const canonicalPaths: Record<Operation, string> = {
  chat: '/v1/chat/completions',
  completion: '/v1/completions',
  embedding: '/v1/embeddings',
};

type Usage = {
  prompt_tokens?: number;
  completion_tokens?: number;
  completion_tokens_details?: { reasoning_tokens?: number };
};

function cacheHeaders(headers: NodeJS.Dict<string | string[]>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers)
      .filter(([name]) => name.startsWith('helicone-cache'))
      .map(([name, value]) => [name, Array.isArray(value) ? value.join(',') : (value ?? '')]),
  );
}

function servedHeaders(
  call: GatewayCall,
  attempt: { mode: string; provider: string; providerModelId: string },
): HeaderMap {
  return {
    ...call.headers,
    'helicone-status': 'success',
    'helicone-gateway-mode': attempt.mode,
    'helicone-provider': attempt.provider,
    'helicone-model': attempt.providerModelId,
  };
}

/**
 * One gateway call after its body is known: model string → attempts, rate limit, cache, attempts with
 * faults, retries and fallbacks, then the answer (JSON or SSE) and its log row, committed before the last byte.
 */
export async function serveOperation(
  call: GatewayCall,
  operation: Operation,
  body: Record<string, unknown>,
  requestedModel: string,
  promptId?: string,
): Promise<void> {
  const { state, exchange } = call;
  const base = { requestedModel, ...(promptId === undefined ? {} : { promptId }) };
  if (call.bucketTooLarge) return call.failText(500, 'Cache bucket size cannot be greater than 20', base);
  const plan = planAttempts(requestedModel);
  if (!plan.ok) return call.failText(400, plan.message, base);

  const extraHeaders: HeaderMap = {};
  let centsBucket: string | undefined;
  if (call.rateLimitPolicy) {
    const check = state.rateLimiter.check(call.rateLimitPolicy, call.metadata);
    Object.assign(extraHeaders, check.headers);
    if (check.limited) {
      call.headers = { ...call.headers, ...check.headers };
      return call.failJson(
        429,
        attemptsErrorBody(
          [
            {
              source: 'helicone',
              provider: 'helicone',
              model: requestedModel,
              status: 429,
              message: 'Rate limited by Helicone-RateLimit-Policy',
            },
          ],
          state.errorFormat,
        ).body,
        base,
      );
    }
    if (call.rateLimitPolicy.unit === 'cents') centsBucket = check.bucket;
  }

  const stream = operation !== 'embedding' && body.stream === true;
  const cache: CacheLookup =
    stream && state.streamCache === 'skip'
      ? { read: false, write: false }
      : lookUpCache(
          state.cache,
          call.options,
          { path: canonicalPaths[operation], body, cacheHeaders: cacheHeaders(exchange.request.headers) },
          state.timeScale,
        );
  if (cache.read) extraHeaders['helicone-cache'] = cache.hit ? 'HIT' : 'MISS';
  const cacheFields = { cacheEnabled: cache.read || cache.write };

  if ('hit' in cache && cache.hit) {
    return answerFromCache(
      call,
      cache.hit,
      stream,
      {
        ...extraHeaders,
        'helicone-cache-bucket-idx': String(cache.hit.bucketIndex),
        'helicone-cache-latency': String(cache.hit.answer.latencyMs),
      },
      { ...base, ...cacheFields },
    );
  }

  const run = await runAttempts({
    attempts: plan.attempts,
    provider: state.provider,
    request: {
      operation,
      body,
      stream,
      signal: exchange.signal,
      variant: 'freeIndex' in cache ? cache.freeIndex : 0,
    },
    faults: state.faults,
    retryDelays: retryDelays(call.options.retry),
    timeScale: state.timeScale,
    providerTimeoutMs: state.providerTimeoutMs,
  });
  if (!run.ok) {
    const attempts = run.outcomes;
    if (run.aborted)
      return call.record({ ...base, ...cacheFields, status: 'cancelled', httpStatus: 499, attempts });
    const error = attemptsErrorBody(run.outcomes, state.errorFormat);
    call.headers = { ...call.headers, ...extraHeaders };
    return call.failJson(error.status, error.body, { ...base, ...cacheFields, attempts });
  }
  const served = {
    ...base,
    ...cacheFields,
    model: run.attempt.providerModelId,
    provider: run.attempt.provider,
    attempts: run.outcomes,
  };
  const headers = { ...servedHeaders(call, run.attempt), ...extraHeaders };
  const save = (answer: Omit<CachedAnswer, 'provider' | 'model' | 'latencyMs'>) => {
    if (!cache.write || !('keys' in cache)) return;
    const key = cache.keys[cache.freeIndex];
    if (key === undefined) return;
    state.cache.set(
      key,
      {
        ...answer,
        provider: run.attempt.provider,
        model: run.attempt.providerModelId,
        latencyMs: Date.now() - exchange.startedAt,
      },
      cache.ttlMs,
    );
  };
  const charge = (cost: number | null) => {
    if (centsBucket !== undefined && cost !== null) state.rateLimiter.addCost(centsBucket, cost * 100);
  };

  if (run.result.kind === 'json') {
    const json = run.result.body;
    const usage = json.usage as Usage | undefined;
    const text = JSON.stringify(json);
    const cost = attemptCost(run.attempt, usage);
    const broken = run.fault;
    call.record({
      ...served,
      status: broken ? 'error' : 'success',
      httpStatus: 200,
      promptTokens: usage?.prompt_tokens ?? null,
      completionTokens: usage?.completion_tokens ?? null,
      reasoningTokens: usage?.completion_tokens_details?.reasoning_tokens ?? null,
      costUsd: cost,
      responseBody: text,
      error: broken ? `Answer ${broken.type === 'cut' ? 'cut' : 'malformed'} by a local gateway fault` : null,
    });
    charge(cost);
    if (broken?.type === 'cut') return void exchange.response.destroy();
    if (!broken)
      save({
        kind: 'json',
        body: json,
        promptTokens: usage?.prompt_tokens ?? null,
        completionTokens: usage?.completion_tokens ?? null,
      });
    exchange.response.writeHead(200, { ...headers, 'content-type': 'application/json' });
    exchange.response.end(broken ? text.slice(0, Math.floor(text.length / 2)) : text);
    return;
  }

  startEventStream(exchange.response, headers);
  await writeChunkStream(
    exchange,
    withStreamFault(run.result.chunks, run.fault, exchange.response),
    (outcome) => {
      const usage: Usage | null = outcome.tally.usage;
      const cut = run.fault?.type === 'cut' && !outcome.completed && !exchange.signal.aborted;
      const malformed = outcome.chunks.includes(malformedEvent);
      const cost = attemptCost(run.attempt, usage ?? undefined);
      call.record({
        ...served,
        status:
          cut || malformed || outcome.error !== undefined
            ? 'error'
            : outcome.completed
              ? 'success'
              : 'cancelled',
        httpStatus: 200,
        stream: true,
        timeToFirstTokenMs:
          outcome.tally.firstTokenAt === null ? null : outcome.tally.firstTokenAt - exchange.startedAt,
        promptTokens: usage?.prompt_tokens ?? promptTokensOf(operation, body),
        completionTokens: outcome.tally.completionTokens(),
        reasoningTokens: outcome.tally.reasoningTokens(),
        costUsd: cost,
        responseBody: JSON.stringify(outcome.completion),
        error: cut
          ? 'Connection cut mid-stream by a local gateway fault'
          : malformed
            ? 'Malformed chunk sent by a local gateway fault'
            : outcome.error !== undefined
              ? `Upstream stream failed: ${outcome.error}`
              : null,
      });
      charge(cost);
      if (outcome.completed && !malformed) {
        save({
          kind: 'stream',
          chunks: outcome.chunks,
          promptTokens: usage?.prompt_tokens ?? null,
          completionTokens: outcome.tally.completionTokens(),
        });
      }
    },
  );
}

function promptTokensOf(operation: Operation, body: Record<string, unknown>): number | null {
  return operation === 'chat' && Array.isArray(body.messages)
    ? countPromptTokens(body.messages as PromptMessage[])
    : null;
}

async function answerFromCache(
  call: GatewayCall,
  hit: { answer: CachedAnswer; bucketIndex: number },
  stream: boolean,
  extraHeaders: HeaderMap,
  base: { requestedModel: string; cacheEnabled: boolean; promptId?: string },
): Promise<void> {
  const { exchange } = call;
  const { answer } = hit;
  const headers = {
    ...servedHeaders(call, { mode: 'PTB', provider: answer.provider, providerModelId: answer.model }),
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
    attempts: [] as AttemptOutcome[],
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

export type { AttemptSuccess, Attempt };
