import { attemptCost } from '../behaviours/cost';
import { countPromptTokens, type PromptMessage } from '../generator/prompt-tokens';
import { startEventStream } from '../http/event-stream';
import type { AnswerContext, Usage } from './answer-context';
import { promptCacheTokens } from './prompt-cache-tokens';
import { malformedEvent, withStreamFault } from './stream-fault';
import { writeChunkStream, type StreamOutcome } from './write-chunk-stream';

function errorOf(context: AnswerContext, outcome: StreamOutcome, malformed: boolean): string | null {
  const { run, call } = context;
  if (run.fault?.type === 'cut' && !outcome.completed && !call.exchange.signal.aborted) {
    return 'Connection cut mid-stream by a local gateway fault';
  }
  if (malformed) return 'Malformed chunk sent by a local gateway fault';
  if (outcome.error !== undefined) return `Upstream stream failed: ${outcome.error}`;
  return null;
}

/** A streamed answer: chunks as they come (through any mid-stream fault), the log row, then `[DONE]`. */
export async function sendStreamAnswer(
  context: AnswerContext,
  chunks: AsyncIterable<unknown>,
): Promise<void> {
  const { call, run, operation, body } = context;
  const { exchange } = call;
  startEventStream(exchange.response, context.headers);
  await writeChunkStream(exchange, withStreamFault(chunks, run.fault, exchange.response), (outcome) => {
    const usage: Usage | null = outcome.tally.usage;
    const malformed = outcome.chunks.includes(malformedEvent);
    const error = errorOf(context, outcome, malformed);
    const cost = attemptCost(run.attempt, usage ?? undefined);
    const promptTokens =
      operation === 'chat' && Array.isArray(body.messages)
        ? countPromptTokens(body.messages as PromptMessage[])
        : null;
    call.record({
      ...context.served,
      status: error !== null ? 'error' : outcome.completed ? 'success' : 'cancelled',
      httpStatus: 200,
      stream: true,
      timeToFirstTokenMs:
        outcome.tally.firstTokenAt === null ? null : outcome.tally.firstTokenAt - exchange.startedAt,
      promptTokens: usage?.prompt_tokens ?? promptTokens,
      completionTokens: outcome.tally.completionTokens(),
      reasoningTokens: outcome.tally.reasoningTokens(),
      ...promptCacheTokens(usage),
      costUsd: cost,
      responseBody: JSON.stringify(outcome.completion),
      error,
    });
    context.charge(cost);
    if (outcome.completed && !malformed) {
      context.save({
        kind: 'stream',
        chunks: outcome.chunks,
        promptTokens: usage?.prompt_tokens ?? null,
        completionTokens: outcome.tally.completionTokens(),
      });
    }
  });
}
