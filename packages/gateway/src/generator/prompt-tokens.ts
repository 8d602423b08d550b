import { countTokens } from './tokens';
import { messageText } from './message-text';

export type PromptMessage = { role?: unknown; content?: unknown; name?: unknown; tool_calls?: unknown };

/**
 * Prompt tokens of a chat as OpenAI counts them for the GPT-4o family: 3 per message, its role and text,
 * 1 for a `name`, and 3 that prime the reply (openai-cookbook "How to count tokens with tiktoken").
 */
export function countPromptTokens(messages: readonly PromptMessage[], extra: unknown[] = []): number {
  let total = 3;
  for (const message of messages) {
    total += 3 + countTokens(typeof message.role === 'string' ? message.role : '');
    total += countTokens(messageText(message.content));
    if (typeof message.name === 'string') total += 1 + countTokens(message.name);
    if (message.tool_calls !== undefined) total += countTokens(JSON.stringify(message.tool_calls));
  }
  for (const value of extra) if (value !== undefined) total += countTokens(JSON.stringify(value));
  return total;
}
