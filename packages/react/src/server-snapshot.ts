import type { ChatStoreState } from '@helicone-kit/core';

/** The part of the chat's state that reaches React through the render gate. */
export type GatedState = Pick<
  ChatStoreState,
  'messages' | 'status' | 'error' | 'retryAt' | 'branches' | 'totals'
>;

/**
 * What the server renders and the browser hydrates with: an empty chat. Stored sessions live in the browser, so
 * the server cannot know them; the browser shows them right after hydration.
 */
export const serverSnapshot: GatedState = Object.freeze({
  messages: Object.freeze([]),
  status: 'ready',
  error: undefined,
  retryAt: undefined,
  branches: Object.freeze({}),
  totals: Object.freeze({
    promptTokens: 0,
    completionTokens: 0,
    totalTokens: 0,
    costUsd: undefined,
    costComplete: true,
    answers: 0,
  }),
});
