import type { ChatMessage } from './types';

/** 1 for the conversation's first user message, then one more per user message on the branch. */
export const userTurnIndex = (path: readonly ChatMessage[]): number =>
  path.reduce((count, message) => count + (message.role === 'user' ? 1 : 0), 0);

/** Answers after the last user message of a branch: the tool steps already taken in this turn. */
export function answersSinceUser(path: readonly ChatMessage[]): number {
  let count = 0;
  for (let index = path.length - 1; index >= 0 && path[index]!.role !== 'user'; index--) {
    if (path[index]!.role === 'assistant') count += 1;
  }
  return count;
}
