/** Text the model wrote (or the user typed). */
export type TextPart = { readonly type: 'text'; readonly text: string };

/** The model's reasoning (`delta.reasoning` / `reasoning_content`), kept apart from the answer. */
export type ReasoningPart = {
  readonly type: 'reasoning';
  readonly text: string;
  /** Provider-specific `reasoning_details` (signatures and the like), sent back as they came. */
  readonly details?: readonly unknown[];
};

/** A refusal (`delta.refusal`), shown instead of an answer. */
export type RefusalPart = { readonly type: 'refusal'; readonly text: string };

/** An image the user attached, as an OpenAI `image_url` (https or data URL). */
export type ImagePart = {
  readonly type: 'image';
  readonly url: string;
  readonly detail?: 'auto' | 'low' | 'high';
};

/**
 * `input-streaming`: arguments still arriving. `input-available`: complete, waiting for a result.
 * `output-available` / `output-error`: answered by `onToolCall` or `addToolResult`.
 */
export type ToolCallPartState = 'input-streaming' | 'input-available' | 'output-available' | 'output-error';

export type ToolCallPart = {
  readonly type: 'tool-call';
  readonly toolCallId: string;
  readonly toolName: string;
  /** The arguments as the model wrote them (a JSON string, possibly partial while streaming). */
  readonly arguments: string;
  /** `arguments` parsed once complete; `undefined` while streaming or when it is not valid JSON. */
  readonly input?: unknown;
  readonly state: ToolCallPartState;
  readonly output?: unknown;
  readonly errorText?: string;
};

export type ChatMessagePart = TextPart | ReasoningPart | RefusalPart | ImagePart | ToolCallPart;

export type ChatUsage = {
  readonly promptTokens: number;
  readonly completionTokens: number;
  readonly totalTokens: number;
  readonly cachedPromptTokens?: number;
  readonly reasoningTokens?: number;
  /** The usage object as the gateway sent it. */
  readonly raw?: unknown;
};

export type ChatCost = {
  readonly usd: number;
  /** Always true: computed here from usage and a list price, not billed by Helicone. */
  readonly estimated: true;
};

/** What went wrong with one answer, kept on the message (plain data, so it survives storage). */
export type ChatMessageError = {
  readonly name: string;
  readonly message: string;
  readonly status?: number;
  readonly code?: string;
};

/** What the gateway said about one assistant answer. */
export type AssistantMetadata = {
  /** `Helicone-Id` (or the request id the route generated). */
  readonly requestId?: string;
  /** The model string that was sent (fallback lists included). */
  readonly requestedModel: string;
  /** `Helicone-Provider`. */
  readonly provider?: string;
  /** `Helicone-Model`, else the chunk's `model`. */
  readonly model?: string;
  /** `Helicone-Cache: HIT`; `undefined` when the gateway did not say. */
  readonly cacheHit?: boolean;
  readonly usage?: ChatUsage;
  /** `undefined` when the price or the usage is unknown: never a made-up `$0`. */
  readonly cost?: ChatCost;
  /** Milliseconds from the request to the first content, reasoning or tool-call delta. */
  readonly timeToFirstTokenMs?: number;
  readonly durationMs?: number;
  readonly finishReason?: string;
  readonly error?: ChatMessageError;
  /** Set when `stop()` ended the answer: its text is what had arrived. */
  readonly stopped?: boolean;
  /** With `n` > 1: which choice this branch is. Usage and cost of the request sit on its first choice only. */
  readonly choiceIndex?: number;
  /** Written by `edit()`, not by the model. */
  readonly edited?: boolean;
};

type MessageBase = {
  readonly id: string;
  /** `null` for the first message of a conversation. */
  readonly parentId: string | null;
  readonly createdAt: number;
  readonly parts: readonly ChatMessagePart[];
};

export type UserMessage = MessageBase & {
  readonly role: 'user';
  /** Per-message Helicone properties given to `send`. */
  readonly properties?: Readonly<Record<string, string>>;
};

export type AssistantMessage = MessageBase & {
  readonly role: 'assistant';
  /** `streaming` while chunks arrive; `done` otherwise (stopped and failed answers say so in metadata). */
  readonly state: 'streaming' | 'done';
  readonly metadata: AssistantMetadata;
};

export type SystemMessage = MessageBase & { readonly role: 'system' };

export type ChatMessage = UserMessage | AssistantMessage | SystemMessage;

export type ChatStatus = 'ready' | 'submitted' | 'streaming' | 'error';

/** Branch navigation for one message: its siblings (alternatives) in creation order. */
export type BranchInfo = {
  readonly ids: readonly string[];
  /** Position of the selected sibling in `ids`. */
  readonly index: number;
};

export type ChatTotals = {
  readonly promptTokens: number;
  readonly completionTokens: number;
  readonly totalTokens: number;
  /** Sum of the known estimated costs, or `undefined` when none is known. */
  readonly costUsd: number | undefined;
  /** False when at least one answer has usage but no known cost (so `costUsd` is a lower bound). */
  readonly costComplete: boolean;
  /** Number of answers that count (every branch: they were all paid for). */
  readonly answers: number;
};
