import { HeliconeKitError } from '../errors/helicone-kit-error';
import { isRecord } from '../internal/is-record';
import type { ChatCompletion, ChatCompletionChoice, ChatCompletionMessage, Usage } from '../openai/types';

/**
 * Turns a non-streamed `chat.completion` or legacy `text_completion` JSON body into the same shape
 * `ChatCompletionAccumulator.snapshot()` gives, so callers handle both paths alike: DeepSeek's
 * `reasoning_content` becomes `reasoning`, and a text completion's `text` is also its `message.content`.
 * Anything else (an embeddings list, an Anthropic message, an error body) throws a `HeliconeKitError`.
 */
export function chatCompletionFromResponse(body: unknown): ChatCompletion {
  if (!isRecord(body) || (body.object !== 'chat.completion' && body.object !== 'text_completion')) {
    const object = isRecord(body) ? JSON.stringify(body.object ?? body.type ?? null) : typeof body;
    throw new HeliconeKitError(`Expected a chat.completion or text_completion body, got object ${object}`);
  }
  if (!Array.isArray(body.choices)) throw new HeliconeKitError('Completion body has no choices array');
  const object = body.object;
  const choices = (body.choices as unknown[]).filter(isRecord).map((choice, position) => {
    const index = typeof choice.index === 'number' ? choice.index : position;
    const finishReason = typeof choice.finish_reason === 'string' ? choice.finish_reason : null;
    if (object === 'text_completion') {
      const text = typeof choice.text === 'string' ? choice.text : '';
      const result: ChatCompletionChoice = {
        index,
        message: { role: 'assistant', content: text },
        finish_reason: finishReason,
        text,
      };
      return result;
    }
    return { index, message: toMessage(choice.message), finish_reason: finishReason };
  });
  return {
    id: typeof body.id === 'string' ? body.id : '',
    object,
    created: typeof body.created === 'number' ? body.created : 0,
    model: typeof body.model === 'string' ? body.model : '',
    choices,
    ...(isRecord(body.usage) ? { usage: body.usage as Usage } : {}),
    ...(body.system_fingerprint === undefined
      ? {}
      : { system_fingerprint: body.system_fingerprint as string | null }),
    ...(body.service_tier === undefined ? {} : { service_tier: body.service_tier as string | null }),
  };
}

function toMessage(raw: unknown): ChatCompletionMessage {
  const message = isRecord(raw) ? raw : {};
  const reasoning = typeof message.reasoning === 'string' ? message.reasoning : message.reasoning_content;
  return {
    role: typeof message.role === 'string' ? message.role : 'assistant',
    content: typeof message.content === 'string' ? message.content : null,
    ...(typeof message.refusal === 'string' ? { refusal: message.refusal } : {}),
    ...(typeof reasoning === 'string' ? { reasoning } : {}),
    ...(Array.isArray(message.reasoning_details)
      ? { reasoning_details: message.reasoning_details as ChatCompletionMessage['reasoning_details'] }
      : {}),
    ...(Array.isArray(message.tool_calls) && message.tool_calls.length > 0
      ? { tool_calls: message.tool_calls as ChatCompletionMessage['tool_calls'] }
      : {}),
    ...(Array.isArray(message.annotations) && message.annotations.length > 0
      ? { annotations: message.annotations as ChatCompletionMessage['annotations'] }
      : {}),
  };
}
