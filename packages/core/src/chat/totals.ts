import type { ChatMessage, ChatTotals } from './types';

/** Tokens and estimated cost of every answer in the session, branches included (each was a paid request). */
export function computeTotals(messages: Iterable<ChatMessage>): ChatTotals {
  let promptTokens = 0;
  let completionTokens = 0;
  let totalTokens = 0;
  let costUsd: number | undefined;
  let costComplete = true;
  let answers = 0;
  for (const message of messages) {
    const { usage, cost } = (message.role === 'assistant' && message.metadata) || {};
    if (!usage) continue;
    answers++;
    promptTokens += usage.promptTokens;
    completionTokens += usage.completionTokens;
    totalTokens += usage.totalTokens;
    if (cost) costUsd = (costUsd ?? 0) + cost.usd;
    else costComplete = false;
  }
  return { promptTokens, completionTokens, totalTokens, costUsd, costComplete, answers };
}
