export { HeliconeKitError } from './errors/helicone-kit-error';
export { ModelStringError } from './errors/model-string-error';
export { StreamError } from './errors/stream-error';
export type { StreamErrorOptions } from './errors/stream-error';
export { formatModel, HELICONE_PREFIX, parseModel } from './model-string';
export type { ModelEntry, ModelTarget, ParsedModel, ProviderExclusion } from './model-string';
export {
  ChatCompletionAccumulator,
  chatCompletionFromResponse,
  parseChatCompletionStream,
  readServerSentEvents,
} from './stream';
export type { ChoiceState, ReadServerSentEventsOptions, ServerSentEvent, ToolCallState } from './stream';
export { estimateCost } from './cost';
export type { EstimateCostOptions, ModelPrice } from './cost';
export type {
  Annotation,
  ChatCompletion,
  ChatCompletionChoice,
  ChatCompletionChunk,
  ChatCompletionChunkChoice,
  ChatCompletionDelta,
  ChatCompletionMessage,
  ChatCompletionRole,
  CompletionChunk,
  FinishReason,
  ReasoningDetail,
  TextCompletionChunk,
  ToolCall,
  ToolCallDelta,
  Usage,
} from './openai/types';
