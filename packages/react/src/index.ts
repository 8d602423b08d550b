'use client';

export { HeliconeProvider } from './helicone-provider';
export type { HeliconeProviderProps } from './helicone-provider';
export { useHeliconeContext, DEFAULT_API } from './helicone-context';
export type { HeliconeContextValue } from './helicone-context';
export { useHeliconeChat } from './use-helicone-chat';
export type {
  ChatSendInput,
  UseHeliconeChatOptions,
  UseHeliconeChatResult,
  UseHeliconeChatSession,
} from './use-helicone-chat-types';
export type { Throttle } from './create-render-gate';
export { useModels } from './use-models';
export { modelsQueryKey, modelsQueryOptions } from './models-query-options';
export type { ModelsQueryInit, ModelsQueryOptions } from './models-query-options';
export type { ModelInfo, ModelList } from '@helicone-kit/core';
export { findModelPrice } from './find-model-price';
export { useChatSessions } from './use-chat-sessions';
export type { UseChatSessionsResult } from './use-chat-sessions';
export { useFeedback } from './use-feedback';
export type { UseFeedbackResult } from './use-feedback';
export {
  DEFAULT_MAX_IMAGE_DATA_URL_LENGTH,
  DEFAULT_MAX_IMAGE_SIDE,
  imageToDataUrl,
} from './image-to-data-url';
