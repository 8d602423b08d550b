import type { ChatRequestContentPart, ChatRequestMessage } from '../transport/chat-transport';
import { hasResult } from './tool-output';
import type { ChatMessage, ChatMessagePart } from './types';

/** A user part as an OpenAI content part (`detail` left undefined when not set, so JSON leaves it out). */
const contentPart = (part: ChatMessagePart): ChatRequestContentPart[] =>
  part.type === 'text'
    ? [{ type: 'text', text: part.text }]
    : part.type === 'image'
      ? [{ type: 'image_url', image_url: { url: part.url, detail: part.detail } }]
      : [];

/**
 * The OpenAI messages for a branch of the conversation. User images become `image_url` parts; reasoning stays
 * on the client; each answered tool call becomes an assistant `tool_calls` entry plus a `tool` message. Tool
 * calls left without a result (the user moved on) are left out, so the request stays valid.
 */
export function buildRequestMessages(path: readonly ChatMessage[]): ChatRequestMessage[] {
  return path.flatMap(({ role, parts }): ChatRequestMessage[] => {
    const text = parts.map((part) => (part.type === 'text' ? part.text : '')).join('');
    if (role !== 'assistant') {
      const withImages = role === 'user' && parts.some((part) => part.type === 'image');
      return [{ role, content: withImages ? parts.flatMap(contentPart) : text } as ChatRequestMessage];
    }
    const answered = parts.filter(hasResult);
    if (!text && !answered.length) return [];
    return [
      // Without tool calls the text is not empty here; with them and no text, OpenAI wants `content: null`.
      {
        role,
        content: text || null,
        tool_calls: answered.length
          ? answered.map((part) => ({
              id: part.toolCallId,
              type: 'function',
              function: { name: part.toolName, arguments: part.arguments },
            }))
          : undefined,
      },
      ...answered.map((part): ChatRequestMessage => ({
        role: 'tool',
        tool_call_id: part.toolCallId,
        content:
          part.state === 'output-error'
            ? `Error: ${part.errorText ?? 'the tool failed'}`
            : typeof part.output === 'string'
              ? part.output
              : JSON.stringify(part.output ?? null),
      })),
    ];
  });
}
