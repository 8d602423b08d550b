import { planAttempts, type Attempt } from '../behaviours/attempts';
import { generateCompletion } from '../generator/generate-completion';
import { responseIdentity } from '../generator/response-identity';
import { tokenPieces } from '../generator/tokens';
import { delay } from '../http/delay';
import { startEventStream } from '../http/event-stream';
import type { GatewayCall } from './gateway-call';
import { tokenInterval } from './offline-chat-chunks';
import { writeChunkStream } from './write-chunk-stream';

const missingModel = 'Invalid body or missing model. See supported models at https://helicone.ai/models';

/** `POST /v1/completions`: legacy text completions, streamed or not (HELICONE.md §1.3 marks it unverified). */
export async function handleCompletions(call: GatewayCall, body: Record<string, unknown>): Promise<void> {
  const { exchange, state } = call;
  if (typeof body.model !== 'string') return call.failText(400, missingModel);
  if (typeof body.prompt !== 'string' && !Array.isArray(body.prompt)) {
    return call.failText(400, missingModel, { requestedModel: body.model });
  }
  const plan = planAttempts(body.model);
  if (!plan.ok) return call.failText(400, plan.message, { requestedModel: body.model });
  const attempt = plan.attempts[0] as Attempt;
  const generated = generateCompletion(body, attempt.providerModelId);
  const { id, created } = responseIdentity('cmpl-', generated.seed);
  const model = attempt.providerModelId;
  const usage = {
    prompt_tokens: generated.promptTokens,
    completion_tokens: generated.completionTokens,
    total_tokens: generated.promptTokens + generated.completionTokens,
  };
  const headers = {
    ...call.headers,
    'helicone-status': 'success',
    'helicone-gateway-mode': attempt.mode,
    'helicone-provider': attempt.provider,
    'helicone-model': model,
  };
  const served = { requestedModel: body.model, model, provider: attempt.provider };
  if (body.stream === true) {
    async function* chunks() {
      if (!(await delay(state.pace.firstTokenMs, exchange.signal))) return;
      for (const choice of generated.choices) {
        const pieces = tokenPieces(choice.text);
        if (pieces.length === 0) pieces.push('');
        for (const [position, piece] of pieces.entries()) {
          if (position > 0 && !(await delay(tokenInterval(state.pace), exchange.signal))) return;
          const finish = position === pieces.length - 1 ? choice.finishReason : null;
          yield {
            id,
            object: 'text_completion',
            created,
            choices: [{ text: piece, index: choice.index, logprobs: null, finish_reason: finish }],
            model,
            usage: null,
          };
        }
      }
      yield { id, object: 'text_completion', created, model, usage, choices: [] };
    }
    startEventStream(exchange.response, headers);
    await writeChunkStream(exchange, chunks(), (outcome) =>
      call.record({
        ...served,
        status: outcome.completed ? 'success' : 'cancelled',
        httpStatus: 200,
        stream: true,
        timeToFirstTokenMs:
          outcome.tally.firstTokenAt === null ? null : outcome.tally.firstTokenAt - exchange.startedAt,
        promptTokens: generated.promptTokens,
        completionTokens: outcome.tally.completionTokens(),
        responseBody: JSON.stringify(outcome.chunks),
      }),
    );
    return;
  }
  const json = {
    id,
    object: 'text_completion',
    created,
    model,
    choices: generated.choices.map((choice) => ({
      text: choice.text,
      index: choice.index,
      logprobs: null,
      finish_reason: choice.finishReason,
    })),
    usage,
  };
  const waited = await delay(
    state.pace.firstTokenMs + tokenInterval(state.pace) * generated.completionTokens,
    exchange.signal,
  );
  const text = JSON.stringify(json);
  call.record({
    ...served,
    status: waited ? 'success' : 'cancelled',
    httpStatus: 200,
    promptTokens: usage.prompt_tokens,
    completionTokens: waited ? usage.completion_tokens : 0,
    responseBody: text,
  });
  if (!waited) return;
  exchange.response.writeHead(200, { ...headers, 'content-type': 'application/json' });
  exchange.response.end(text);
}
