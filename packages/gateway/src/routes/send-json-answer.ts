import { attemptCost } from '../behaviours/cost';
import type { AnswerContext, Usage } from './answer-context';
import { promptCacheTokens } from './prompt-cache-tokens';

/**
 * A JSON answer: the log row first, then the body. A `cut` fault drops the connection instead, a `malformed` one
 * sends half the body.
 */
export function sendJsonAnswer(context: AnswerContext, json: Record<string, unknown>): void {
  const { call, run } = context;
  const { response } = call.exchange;
  const usage = json.usage as Usage | undefined;
  const text = JSON.stringify(json);
  const cost = attemptCost(run.attempt, usage);
  const broken = run.fault;
  call.record({
    ...context.served,
    status: broken ? 'error' : 'success',
    httpStatus: 200,
    promptTokens: usage?.prompt_tokens ?? null,
    completionTokens: usage?.completion_tokens ?? null,
    reasoningTokens: usage?.completion_tokens_details?.reasoning_tokens ?? null,
    ...promptCacheTokens(usage),
    costUsd: cost,
    responseBody: text,
    error: broken ? `Answer ${broken.type === 'cut' ? 'cut' : 'malformed'} by a local gateway fault` : null,
  });
  context.charge(cost);
  if (broken?.type === 'cut') return void response.destroy();
  if (!broken) {
    context.save({
      kind: 'json',
      body: json,
      promptTokens: usage?.prompt_tokens ?? null,
      completionTokens: usage?.completion_tokens ?? null,
    });
  }
  response.writeHead(200, { ...context.headers, 'content-type': 'application/json' });
  response.end(broken ? text.slice(0, Math.floor(text.length / 2)) : text);
}
