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
    const text = typeof choice.text === 'string' ? choice.text : '';
    const isText = object === 'text_completion';
    const result: ChatCompletionChoice = {
      index: typeof choice.index === 'number' ? choice.index : position,
      message: isText ? { role: 'assistant', content: text } : toMessage(choice.message),
      finish_reason: typeof choice.finish_reason === 'string' ? choice.finish_reason : null,
    };
    if (isText) result.text = text;
    return result;
  });
  const completion: ChatCompletion = {
    id: typeof body.id === 'string' ? body.id : '',
    object,
    created: typeof body.created === 'number' ? body.created : 0,
    model: typeof body.model === 'string' ? body.model : '',
    choices,
  };
  if (isRecord(body.usage)) completion.usage = body.usage as Usage;
  if (body.system_fingerprint !== undefined)
    completion.system_fingerprint = body.system_fingerprint as string | null;
  if (body.service_tier !== undefined) completion.service_tier = body.service_tier as string | null;
  return completion;
}

function toMessage(raw: unknown): ChatCompletionMessage {
  const { role, content, refusal, reasoning, reasoning_content, reasoning_details, tool_calls, annotations } =
    isRecord(raw) ? raw : {};
  const message: ChatCompletionMessage = {
    role: typeof role === 'string' ? role : 'assistant',
    content: typeof content === 'string' ? content : null,
  };
  if (typeof refusal === 'string') message.refusal = refusal;
  const text = typeof reasoning === 'string' ? reasoning : reasoning_content;
  if (typeof text === 'string') message.reasoning = text;
  if (Array.isArray(reasoning_details))
    message.reasoning_details = reasoning_details as ChatCompletionMessage['reasoning_details'];
  if (Array.isArray(tool_calls) && tool_calls.length)
    message.tool_calls = tool_calls as ChatCompletionMessage['tool_calls'];
  if (Array.isArray(annotations) && annotations.length)
    message.annotations = annotations as ChatCompletionMessage['annotations'];
  return message;
}
