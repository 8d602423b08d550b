export { HeliconeKitError } from './errors/helicone-kit-error';
export { ModelStringError } from './errors/model-string-error';
export { GatewayError } from './errors/gateway-error';
export { gatewayErrorJson } from './errors/gateway-error-json';
export { gatewayErrorResponse } from './errors/gateway-error-response';
export { parseGatewayError } from './errors/parse-gateway-error';
export { readGatewayError } from './errors/read-gateway-error';
export { readRouteError } from './errors/read-route-error';
export type { GatewayErrorOptions } from './errors/gateway-error';
export type { GatewayErrorJson } from './errors/gateway-error-json';
export { HeaderValueError } from './errors/header-value-error';
export {
  formatRateLimitPolicy,
  fromHeliconeMetadata,
  HELICONE_PROPERTY_PREFIX,
  HELICONE_REQUEST_HEADERS,
  isHeliconeHeaderName,
  MAX_HEADER_VALUE_LENGTH,
  MAX_PROPERTY_NAME_LENGTH,
  parseRateLimitPolicy,
  toHeliconeHeaders,
  UTF8_VALUE_PREFIX,
} from './headers';
export type {
  HeliconeCacheOptions,
  HeliconeMetadataInput,
  HeliconeOptions,
  HeliconeRetryOptions,
  RateLimitPolicy,
  TokenLimitExceptionHandler,
} from './headers';
export { HELICONE_RESPONSE_HEADERS, readHeliconeResponse } from './response';
export type { HeadersInput, HeliconeAnswerInfo, HeliconeResponseInfo } from './response';
export { StreamError } from './errors/stream-error';
export type { StreamErrorOptions } from './errors/stream-error';
export { formatModel, HELICONE_PREFIX, parseModel } from './model-string';
export type { ModelEntry, ModelTarget, ParsedModel, ProviderExclusion } from './model-string';
export {
  ChatCompletionAccumulator,
  chatCompletionFromResponse,
  parseChatCompletionStream,
  readServerSentEvents,
  NDJSON_CONTENT_TYPE,
  sseToNdjson,
} from './stream';
export type { ChoiceState, ReadServerSentEventsOptions, ServerSentEvent, ToolCallState } from './stream';
export { estimateCost } from './cost';
export type { EstimateCostOptions, ModelPrice } from './cost';
export type { ModelCapabilities, ModelInfo, ModelList, ModelPricing } from './models/model-info';
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
export { ChatActionError } from './errors/chat-action-error';
export type { ChatActionErrorReason } from './errors/chat-action-error';
export * from './chat';
export * from './transport';
