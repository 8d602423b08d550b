import type { BranchInfo, ChatMessage, ChatTotals } from '@helicone-kit/core';

/**
 * What the server renders and the browser hydrates with: an empty chat. Stored sessions live in the browser, so
 * the server cannot know them; the browser shows them right after hydration.
 */
export const serverMessages: readonly ChatMessage[] = Object.freeze([]);
export const serverBranches: Readonly<Record<string, BranchInfo>> = Object.freeze({});
export const serverTotals: ChatTotals = Object.freeze({
  promptTokens: 0,
  completionTokens: 0,
  totalTokens: 0,
  costUsd: undefined,
  costComplete: true,
  answers: 0,
});
