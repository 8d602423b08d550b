import { planAttempts, type Attempt } from '../behaviours/attempts';
import { generateChat } from '../generator/generate-chat';
import { delay } from '../http/delay';
import { startEventStream } from '../http/event-stream';
import { chatCompletionBody } from './chat-json';
import type { GatewayCall } from './gateway-call';
import { offlineChatChunks, tokenInterval } from './offline-chat-chunks';
import { writeChunkStream } from './write-chunk-stream';

const missingModel = 'Invalid body or missing model. See supported models at https://helicone.ai/models';
const modelNotString =
  'Invalid model type. Model must be a string. See supported models at https://helicone.ai/models';

function servedHeaders(call: GatewayCall, attempt: Attempt) {
  return {
    ...call.headers,
    'helicone-status': 'success',
    'helicone-gateway-mode': attempt.mode,
    'helicone-provider': attempt.provider,
    'helicone-model': attempt.providerModelId,
  };
}

/** `POST /v1/chat/completions` (and any other POST path, as the real gateway reads them). */
export async function handleChatCompletions(call: GatewayCall, body: Record<string, unknown>): Promise<void> {
  const { exchange, state } = call;
  if (body.model === undefined) return call.failText(400, missingModel);
  if (typeof body.model !== 'string') return call.failText(400, modelNotString);
  const requestedModel = body.model;
  if (!Array.isArray(body.messages)) {
    return call.failText(400, missingModel, { requestedModel });
  }
  const plan = planAttempts(requestedModel);
  if (!plan.ok) return call.failText(400, plan.message, { requestedModel });
  const attempt = plan.attempts[0] as Attempt;
  const generated = generateChat(body, {
    model: attempt.providerModelId,
    reasoning: attempt.model?.capabilities.reasoning ?? false,
  });
  const served = {
    requestedModel,
    model: attempt.providerModelId,
    provider: attempt.provider,
  };
  if (body.stream === true) {
    startEventStream(exchange.response, servedHeaders(call, attempt));
    await writeChunkStream(
      exchange,
      offlineChatChunks(generated, attempt.providerModelId, state.pace, exchange.signal),
      (outcome) => {
        call.record({
          ...served,
          status: outcome.completed ? 'success' : 'cancelled',
          httpStatus: 200,
          stream: true,
          timeToFirstTokenMs:
            outcome.tally.firstTokenAt === null ? null : outcome.tally.firstTokenAt - exchange.startedAt,
          promptTokens: generated.promptTokens,
          completionTokens: outcome.tally.completionTokens(),
          reasoningTokens: outcome.tally.reasoningTokens(),
          responseBody: JSON.stringify(outcome.chunks),
        });
      },
    );
    return;
  }
  const json = chatCompletionBody(generated, attempt.providerModelId);
  const tokens = json.usage.completion_tokens;
  const waited = await delay(
    state.pace.firstTokenMs + tokenInterval(state.pace) * Math.max(0, tokens - 1),
    exchange.signal,
  );
  const text = JSON.stringify(json);
  call.record({
    ...served,
    status: waited ? 'success' : 'cancelled',
    httpStatus: 200,
    promptTokens: json.usage.prompt_tokens,
    completionTokens: waited ? tokens : 0,
    reasoningTokens: json.usage.completion_tokens_details.reasoning_tokens,
    responseBody: text,
  });
  if (!waited) return;
  exchange.response.writeHead(200, { ...servedHeaders(call, attempt), 'content-type': 'application/json' });
  exchange.response.end(text);
}
