import type { ChatRequestContentPart, ChatRequestMessage } from '../transport/chat-transport';
import { hasResult } from './tool-output';
import type { ChatMessage } from './types';

/**
 * The OpenAI messages for a branch of the conversation. User images become `image_url` parts; reasoning stays
 * on the client; each answered tool call becomes an assistant `tool_calls` entry plus a `tool` message. Tool
 * calls left without a result (the user moved on) are left out, so the request stays valid.
 */
export function buildRequestMessages(path: readonly ChatMessage[]): ChatRequestMessage[] {
  return path.flatMap(({ role, parts }): ChatRequestMessage[] => {
    const text = parts.map((part) => (part.type === 'text' ? part.text : '')).join('');
    if (role === 'system') return [{ role, content: text }];
    if (role === 'user') {
      const content = parts.flatMap((part): ChatRequestContentPart[] =>
        part.type === 'text'
          ? [{ type: 'text', text: part.text }]
          : part.type === 'image'
            ? [
                {
                  type: 'image_url',
                  image_url: { url: part.url, ...(part.detail && { detail: part.detail }) },
                },
              ]
            : [],
      );
      return [{ role, content: parts.some((part) => part.type === 'image') ? content : text }];
    }
    const answered = parts.filter(hasResult);
    if (!text && answered.length === 0) return [];
    return [
      answered.length > 0
        ? {
            role,
            content: text || null,
            tool_calls: answered.map((part) => ({
              id: part.toolCallId,
              type: 'function',
              function: { name: part.toolName, arguments: part.arguments },
            })),
          }
        : { role, content: text },
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
