import type { ToolCall } from '../openai/types';
import type { ChatRequestContentPart, ChatRequestMessage } from '../transport/chat-transport';
import type { ChatMessage, ToolCallPart } from './types';

const textOf = (message: ChatMessage) =>
  message.parts.map((part) => (part.type === 'text' ? part.text : '')).join('');

function toolResultContent(part: ToolCallPart): string {
  if (part.state === 'output-error') return `Error: ${part.errorText ?? 'the tool failed'}`;
  return typeof part.output === 'string' ? part.output : JSON.stringify(part.output ?? null);
}

/**
 * The OpenAI messages for a branch of the conversation. User images become `image_url` parts; reasoning stays
 * on the client; each answered tool call becomes an assistant `tool_calls` entry plus a `tool` message. Tool
 * calls left without a result (the user moved on) are left out, so the request stays valid.
 */
export function buildRequestMessages(path: readonly ChatMessage[]): ChatRequestMessage[] {
  const messages: ChatRequestMessage[] = [];
  for (const message of path) {
    if (message.role === 'system') {
      messages.push({ role: 'system', content: textOf(message) });
    } else if (message.role === 'user') {
      const images = message.parts.filter((part) => part.type === 'image');
      if (images.length === 0) {
        messages.push({ role: 'user', content: textOf(message) });
      } else {
        const content: ChatRequestContentPart[] = [];
        for (const part of message.parts) {
          if (part.type === 'text') content.push({ type: 'text', text: part.text });
          if (part.type === 'image') {
            content.push({
              type: 'image_url',
              image_url: part.detail ? { url: part.url, detail: part.detail } : { url: part.url },
            });
          }
        }
        messages.push({ role: 'user', content });
      }
    } else {
      const answered = message.parts.filter(
        (part): part is ToolCallPart =>
          part.type === 'tool-call' && (part.state === 'output-available' || part.state === 'output-error'),
      );
      const text = textOf(message);
      if (text === '' && answered.length === 0) continue;
      const toolCalls: ToolCall[] = answered.map((part) => ({
        id: part.toolCallId,
        type: 'function',
        function: { name: part.toolName, arguments: part.arguments },
      }));
      messages.push(
        toolCalls.length > 0
          ? { role: 'assistant', content: text === '' ? null : text, tool_calls: toolCalls }
          : { role: 'assistant', content: text },
      );
      for (const part of answered) {
        messages.push({ role: 'tool', tool_call_id: part.toolCallId, content: toolResultContent(part) });
      }
    }
  }
  return messages;
}
