export { createChatStore } from './create-chat-store';
export type { ChatStore, ChatStoreState } from './create-chat-store';
export type { ChatSessionInfo } from './chat-session-state';
export type {
  ChatFinishEvent,
  ChatModelParameters,
  ChatOptions,
  ChatSessionOptions,
  ChatToolCall,
  ChatTurn,
} from './chat-options';
export type { SendInput } from './user-parts';
export { DEFAULT_THROTTLE_MS, throttleMs } from './throttle';
export type { Throttle } from './throttle';
export { createChatSessionRegistry } from './session-registry';
export type {
  ChatSessionRegistry,
  ChatSessionRegistryOptions,
  ChatSessionSummary,
  SessionInit,
} from './session-registry';
export { createMemoryStorage } from './chat-storage';
export type { ChatStorage, ChatStorageEvent } from './chat-storage';
export { DEFAULT_STORAGE_PREFIX } from './storage-keys';
export { SESSION_SCHEMA_VERSION } from './session-record';
export type {
  AssistantMessage,
  AssistantMetadata,
  BranchInfo,
  ChatCost,
  ChatMessage,
  ChatMessageError,
  ChatMessagePart,
  ChatStatus,
  ChatTotals,
  ChatUsage,
  ImagePart,
  ReasoningPart,
  RefusalPart,
  SystemMessage,
  TextPart,
  ToolCallPart,
  ToolCallPartState,
  UserMessage,
} from './types';
