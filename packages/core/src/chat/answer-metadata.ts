import type { Usage } from '../openai/types';
import type { ChatMessageError, ChatUsage } from './types';

export const toChatUsage = (usage: Usage): ChatUsage => ({
  promptTokens: usage.prompt_tokens ?? 0,
  completionTokens: usage.completion_tokens ?? 0,
  totalTokens: usage.total_tokens ?? (usage.prompt_tokens ?? 0) + (usage.completion_tokens ?? 0),
  cachedPromptTokens: usage.prompt_tokens_details?.cached_tokens ?? usage.prompt_cache_hit_tokens,
  reasoningTokens: usage.completion_tokens_details?.reasoning_tokens,
  raw: usage,
});

/** An error as plain data for the message (it is stored): name, message, and a status or code when it has one. */
export function describeError(error: Error): ChatMessageError {
  const { status, code } = error as { status?: unknown; code?: unknown };
  return {
    name: error.name,
    message: error.message,
    ...(typeof status === 'number' ? { status } : {}),
    ...(typeof code === 'string' || typeof code === 'number' ? { code: String(code) } : {}),
  };
}

export function toError(value: unknown): Error {
  return value instanceof Error
    ? value
    : new Error(typeof value === 'string' ? value : JSON.stringify(value));
}
