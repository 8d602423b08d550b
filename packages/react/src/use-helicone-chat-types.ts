import type {
  BranchInfo,
  ChatMessage,
  ChatOptions,
  ChatStatus,
  ChatStore,
  ChatTotals,
  ChatTransport,
} from '@helicone-kit/core';

export type UseHeliconeChatOptions = Omit<ChatOptions, 'transport' | 'storage' | 'registry' | 'price'> & {
  /** The route; default: the provider's `api`. */
  api?: string;
  /** Talks to something other than the route (`createMockTransport` from `@helicone-kit/core/testing` in tests). */
  transport?: ChatTransport;
  /** The model's price for the estimated cost; default: the `pricing` of the route's `GET {api}/models`. */
  price?: ChatOptions['price'];
};

/** What `send` takes: text, or content with images (URLs, or files downscaled in the browser) and properties. */
export type ChatSendInput =
  | string
  | {
      content: string;
      images?: readonly (string | Blob | { url: string; detail?: 'auto' | 'low' | 'high' })[];
      /** `Helicone-Property-*` for this message only. */
      properties?: Record<string, string>;
    };

export type UseHeliconeChatSession = {
  readonly id: string;
  readonly name: string | undefined;
  /** The `Helicone-Session-Path` of the latest request. */
  readonly path: string | undefined;
  /** Starts an empty session (the old one stays stored) and returns its id. */
  newSession(options?: { name?: string }): string;
  /** Shows another stored session. */
  switchSession(id: string): void;
};

export type UseHeliconeChatResult = {
  /** The selected branch, oldest first; settled messages keep their object identity. */
  readonly messages: readonly ChatMessage[];
  readonly status: ChatStatus;
  readonly error: Error | undefined;
  /** After a 429: when (epoch ms) a retry may succeed, from `Helicone-RateLimit-Reset` / `Retry-After`. */
  readonly retryAt: number | undefined;
  /** The composer's text, persisted with the session. */
  readonly draft: string;
  setDraft(draft: string): void;
  /**
   * With no argument, sends the draft: cleared once the route accepts the request, given back (if empty) when the
   * turn ends with no answer. Rejects with a `ChatActionError` only when refused (busy, empty).
   */
  send(input?: ChatSendInput): Promise<void>;
  stop(): void;
  regenerate(messageId?: string): Promise<void>;
  edit(messageId: string, content: string): Promise<void>;
  retry(): Promise<void>;
  addToolResult(toolCallId: string, result: unknown): Promise<void>;
  /** Siblings of every message on the selected branch, by message id. */
  readonly branches: Readonly<Record<string, BranchInfo>>;
  /** Shows `messageId` among its siblings, or the sibling at `index`. */
  selectBranch(messageId: string, index?: number): void;
  readonly model: string;
  setModel(model: string): void;
  readonly session: UseHeliconeChatSession;
  /** Tokens and estimated cost of the session (every branch counts). */
  readonly totals: ChatTotals;
  /** The underlying store, for code outside React. */
  readonly store: ChatStore;
};
