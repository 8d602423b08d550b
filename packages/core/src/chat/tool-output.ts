import type { ChatMessagePart, ToolCallPart } from './types';

/** Whether a part is a tool call that has its result (or its error). */
export const hasResult = (part: ChatMessagePart): part is ToolCallPart =>
  part.type === 'tool-call' && part.state.startsWith('output');
