import type { GeneratedChat } from '../generator/generate-chat';
import { responseIdentity } from '../generator/response-identity';
import { chatUsage } from './chat-usage';

/** The non-streamed `chat.completion` body of a generated answer. */
export function chatCompletionBody(generated: GeneratedChat, model: string) {
  const { id, created } = responseIdentity('chatcmpl-', generated.seed);
  return {
    id,
    object: 'chat.completion',
    created,
    model,
    choices: generated.choices.map((choice) => ({
      index: choice.index,
      message: {
        role: 'assistant',
        content: choice.content,
        refusal: null,
        annotations: [],
        ...(choice.reasoning === undefined ? {} : { reasoning: choice.reasoning }),
        ...(choice.toolCalls === undefined
          ? {}
          : {
              tool_calls: choice.toolCalls.map((call) => ({
                id: call.id,
                type: 'function',
                function: { name: call.name, arguments: call.arguments },
              })),
            }),
      },
      logprobs: null,
      finish_reason: choice.finishReason,
    })),
    usage: chatUsage(
      generated.promptTokens,
      generated.choices.reduce((sum, choice) => sum + choice.completionTokens, 0),
      generated.choices.reduce((sum, choice) => sum + choice.reasoningTokens, 0),
    ),
    system_fingerprint: `fp_${generated.seed.slice(-10)}`,
  };
}
