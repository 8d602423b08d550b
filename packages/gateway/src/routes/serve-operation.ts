import { planAttempts } from '../behaviours/attempts';
import { lookUpCache, type CacheLookup } from '../behaviours/cache-plan';
import { attemptsErrorBody } from '../behaviours/error-body';
import { retryDelays } from '../behaviours/retry-delays';
import { runAttempts } from '../behaviours/run-attempts';
import type { HeaderMap } from '../http/respond';
import type { AnswerContext, Operation } from './answer-context';
import { answerFromCache } from './answer-from-cache';
import { applyRateLimit } from './apply-rate-limit';
import type { GatewayCall } from './gateway-call';
import { sendJsonAnswer } from './send-json-answer';
import { sendStreamAnswer } from './send-stream-answer';
import { servedHeaders } from './served-headers';

export type { Operation };

const canonicalPaths: Record<Operation, string> = {
  chat: '/v1/chat/completions',
  completion: '/v1/completions',
  embedding: '/v1/embeddings',
};

function cacheHeaders(headers: NodeJS.Dict<string | string[]>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers)
      .filter(([name]) => name.startsWith('helicone-cache'))
      .map(([name, value]) => [name, Array.isArray(value) ? value.join(',') : (value ?? '')]),
  );
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
  const limit = applyRateLimit(call, base);
  if (!limit) return;
  const extraHeaders: HeaderMap = { ...limit.headers };

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
  const logged = { ...base, cacheEnabled: cache.read || cache.write };
  if ('hit' in cache && cache.hit) {
    const hitHeaders = {
      ...extraHeaders,
      'helicone-cache-bucket-idx': String(cache.hit.bucketIndex),
      'helicone-cache-latency': String(cache.hit.answer.latencyMs),
    };
    return answerFromCache(call, cache.hit.answer, stream, hitHeaders, logged);
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
    if (run.aborted) return call.record({ ...logged, status: 'cancelled', httpStatus: 499, attempts });
    const error = attemptsErrorBody(run.outcomes, state.errorFormat);
    call.headers = { ...call.headers, ...extraHeaders };
    return call.failJson(error.status, error.body, { ...logged, attempts });
  }
  const context: AnswerContext = {
    call,
    operation,
    body,
    run,
    served: {
      ...logged,
      model: run.attempt.providerModelId,
      provider: run.attempt.provider,
      attempts: run.outcomes,
    },
    headers: { ...servedHeaders(call, run.attempt), ...extraHeaders },
    save(answer) {
      if (!('keys' in cache) || !cache.write) return;
      const key = cache.keys[cache.freeIndex];
      if (key === undefined) return;
      const { provider, providerModelId: model, mode } = run.attempt;
      const saved = { ...answer, provider, model, mode };
      state.cache.set(key, { ...saved, latencyMs: Date.now() - exchange.startedAt }, cache.ttlMs);
    },
    charge(cost) {
      if (limit.centsBucket !== undefined && cost !== null)
        state.rateLimiter.addCost(limit.centsBucket, cost * 100);
    },
  };
  if (run.result.kind === 'json') return sendJsonAnswer(context, run.result.body);
  await sendStreamAnswer(context, run.result.chunks);
}
