export type {
  ChatPromptOptions,
  ChatRequestBody,
  ChatRequestContentPart,
  ChatRequestMessage,
  ChatTransport,
  ChatTransportEvent,
  ChatTransportRequest,
} from './chat-transport';
export { createHttpTransport } from './create-http-transport';
export type { HttpTransportOptions } from './create-http-transport';
export { fetchRoute } from './fetch-route';
