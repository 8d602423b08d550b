import type { AssistantMessage, ChatMessage, ChatMessagePart } from './types';

export type ToolResult = { output: unknown } | { errorText: string };

/** Whether a message is the answer that made this tool call. */
export const holdsToolCall =
  (toolCallId: string) =>
  (message: ChatMessage): message is AssistantMessage =>
    message.role === 'assistant' &&
    message.parts.some((part) => part.type === 'tool-call' && part.toolCallId === toolCallId);

/** The answer with this call's result set (a new message and a new part; the other parts are kept). */
export function withToolResult(
  message: AssistantMessage,
  toolCallId: string,
  result: ToolResult,
): AssistantMessage {
  const parts = message.parts.map((part): ChatMessagePart =>
    part.type === 'tool-call' && part.toolCallId === toolCallId
      ? 'errorText' in result
        ? { ...part, state: 'output-error', errorText: result.errorText }
        : { ...part, state: 'output-available', output: result.output }
      : part,
  );
  return { ...message, parts };
}
