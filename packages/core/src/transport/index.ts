export type {
  ChatPromptOptions,
  ChatRequestBody,
  ChatRequestContentPart,
  ChatRequestMessage,
  ChatTransport,
  ChatTransportEvent,
  ChatTransportRequest,
} from './chat-transport';
