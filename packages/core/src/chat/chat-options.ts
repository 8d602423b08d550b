import type { ModelPrice } from '../cost/types';
import type { HeliconeMetadataInput } from '../headers/metadata-entries';
import type {
  HeliconeCacheOptions,
  HeliconeOptions,
  HeliconeRetryOptions,
} from '../headers/helicone-options';
import type { RateLimitPolicy } from '../headers/rate-limit-policy';
import type { ChatPromptOptions, ChatTransport } from '../transport/chat-transport';
import type { ChatSessionRegistry } from './session-registry';
import type { ChatStorage } from './chat-storage';
import type { Throttle } from './throttle';
import type { AssistantMessage, ChatMessage } from './types';

/** The request being made, for a per-turn `session.path`. */
export type ChatTurn = {
  readonly sessionId: string;
  /** 1 for the conversation's first user message, then one more per user message on the branch. */
  readonly index: number;
  /** 0 for the request answering the user; 1, 2, ... for the automatic continuations after tool results. */
  readonly step: number;
  readonly kind: 'send' | 'edit' | 'regenerate' | 'retry' | 'tool-step';
};

export type ChatSessionOptions = {
  /** Reuse a session (and its stored messages); a new UUID when left out. */
  id?: string;
  /** `Helicone-Session-Name`, e.g. `Support chat`. */
  name?: string;
  /** `Helicone-Session-Path` per request; default `/turn-<index>`, then `/turn-<index>/tool-<step>`. */
  path?: string | ((turn: ChatTurn) => string);
};

export type ChatToolCall = {
  readonly toolCallId: string;
  readonly toolName: string;
  /** The parsed arguments (`undefined` when the model wrote invalid JSON: see `arguments`). */
  readonly input: unknown;
  readonly arguments: string;
};

export type ChatFinishEvent = {
  /** The answer that ended (the selected one with `n` > 1); `undefined` when none had started. */
  readonly message: AssistantMessage | undefined;
  readonly messages: readonly ChatMessage[];
  readonly stopped: boolean;
  readonly error: Error | undefined;
  /** True when tool calls still had results but `maxToolSteps` continuations had been made. */
  readonly toolStepsExhausted: boolean;
};

/** OpenAI request parameters, sent as given. */
export type ChatModelParameters = {
  temperature?: number;
  top_p?: number;
  max_tokens?: number;
  max_completion_tokens?: number;
  stop?: string | string[];
  /** Choices per request; each becomes a sibling branch of the same answer. */
  n?: number;
  seed?: number;
  tools?: readonly unknown[];
  tool_choice?: unknown;
  parallel_tool_calls?: boolean;
  response_format?: unknown;
  reasoning_effort?: 'minimal' | 'low' | 'medium' | 'high' | (string & {});
  presence_penalty?: number;
  frequency_penalty?: number;
  logit_bias?: Record<string, number>;
  user?: string;
};

export type ChatOptions = ChatModelParameters & {
  transport: ChatTransport;
  /** Any model string the gateway reads, fallback lists included. `setModel` changes it. */
  model?: string;
  session?: ChatSessionOptions;
  /** A system message put first in every request (not stored in the conversation). */
  system?: string;
  /** `Helicone-Property-*` for every message of the chat; `send({ properties })` adds per message. */
  properties?: Record<string, string>;
  cache?: boolean | HeliconeCacheOptions;
  retry?: boolean | HeliconeRetryOptions;
  rateLimitPolicy?: RateLimitPolicy | string;
  /** The LiteLLM-style metadata object (`{"Helicone-Cache-Enabled": "true", ...}`), read by `fromHeliconeMetadata`. */
  metadata?: HeliconeMetadataInput;
  /** Any other Helicone option (user id, omit logs, moderations, ...); the typed fields above win. */
  helicone?: HeliconeOptions;
  prompt?: ChatPromptOptions;
  /** Default true. */
  stream?: boolean;
  /**
   * How often a streaming answer changes the store: milliseconds (default 50, twenty times a second), `'frame'`
   * (each animation frame) or `false` (each network chunk). The transport hands the stream over in batches at
   * this pace (the route's transport reads it in a worker), so the page wakes that often, not once per chunk.
   */
  throttle?: Throttle;
  /** Automatic continuations after tool results per user message. Default 5. */
  maxToolSteps?: number;
  /**
   * The model's price, for the estimated cost of an answer (from `GET {api}/models`): read when the answer settles,
   * with the answer's metadata, and again by `repriceAnswers()` for answers that got no cost.
   */
  price?: (answer: { requestedModel: string; model?: string; provider?: string }) => ModelPrice | undefined;
  onFinish?: (event: ChatFinishEvent) => void;
  onError?: (error: Error) => void;
  /** Return (or resolve) a tool's result; return `undefined` to supply it later with `addToolResult`. */
  onToolCall?: (event: { toolCall: ChatToolCall; message: AssistantMessage }) => unknown;
  /** Where sessions persist when no `registry` is given (default: in memory). */
  storage?: ChatStorage;
  /** Shared by stores that should share sessions (two panels with one session id). */
  registry?: ChatSessionRegistry;
  /** Storage problems that do not stop the chat (corrupted entry set aside, storage full). Default `console.warn`. */
  onWarning?: (message: string) => void;
};
