import { finishReasonOf, usageOf } from './anthropic-stream-converter';

type Block = {
  type?: string;
  text?: string;
  id?: string;
  name?: string;
  input?: unknown;
  thinking?: string;
  signature?: string;
};

/** A non-streamed Anthropic `message` as an OpenAI `chat.completion`. */
export function anthropicMessageToCompletion(
  message: Record<string, unknown>,
  created = Math.floor(Date.now() / 1000),
) {
  const blocks = Array.isArray(message.content) ? (message.content as Block[]) : [];
  const text = blocks
    .filter((block) => block.type === 'text')
    .map((block) => block.text ?? '')
    .join('');
  const toolCalls = blocks
    .filter((block) => block.type === 'tool_use')
    .map((block) => ({
      id: block.id,
      type: 'function',
      function: { name: block.name, arguments: JSON.stringify(block.input ?? {}) },
    }));
  const thinking = blocks.filter((block) => block.type === 'thinking');
  return {
    id: message.id,
    object: 'chat.completion',
    created,
    model: message.model,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: text === '' && toolCalls.length > 0 ? null : text,
          ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
          ...(thinking.length > 0
            ? {
                reasoning: thinking.map((block) => block.thinking ?? '').join(''),
                reasoning_details: thinking.map((block) => ({
                  thinking: block.thinking ?? '',
                  signature: block.signature ?? '',
                })),
              }
            : {}),
        },
        logprobs: null,
        finish_reason: finishReasonOf(message.stop_reason),
      },
    ],
    usage: usageOf(typeof message.usage === 'object' && message.usage !== null ? message.usage : {}),
  };
}
