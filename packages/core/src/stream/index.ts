export { ChatCompletionAccumulator } from './chat-completion-accumulator';
export type { ChoiceState, ToolCallState } from './chat-completion-accumulator';
export { chatCompletionFromResponse } from './chat-completion-from-response';
export { parseChatCompletionStream } from './parse-chat-completion-stream';
export { readServerSentEvents } from './read-server-sent-events';
export type { ReadServerSentEventsOptions, ServerSentEvent } from './read-server-sent-events';
export { NDJSON_CONTENT_TYPE, sseToNdjson } from './sse-to-ndjson';
