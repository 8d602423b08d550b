import type { BranchInfo, ChatMessage, ChatStatus, ChatTotals } from './types';

export type ChatSessionInfo = {
  readonly id: string;
  readonly name: string | undefined;
  /** The `Helicone-Session-Path` of the latest request. */
  readonly path: string | undefined;
};

/** The state of one conversation, shared by every store that shows it. */
export type ChatSessionState = {
  /** A new object only when its name or path changed. */
  readonly session: ChatSessionInfo;
  /** The selected branch, oldest first. Messages that did not change keep their object identity. */
  readonly messages: readonly ChatMessage[];
  /** Siblings and selected index for every message on the selected branch. */
  readonly branches: Readonly<Record<string, BranchInfo>>;
  readonly status: ChatStatus;
  readonly error: Error | undefined;
  /** With a 429: when (epoch ms) the gateway says a retry may succeed. */
  readonly retryAt: number | undefined;
  readonly draft: string;
  readonly totals: ChatTotals;
};
