import { estimateCost } from '../cost/estimate-cost';
import type { Usage } from '../openai/types';
import type { ChatOptions } from './chat-options';
import type { AssistantMetadata, ChatMessageError, ChatUsage } from './types';

export function toChatUsage(usage: Usage): ChatUsage {
  const { prompt_tokens: promptTokens = 0, completion_tokens: completionTokens = 0 } = usage;
  return {
    promptTokens,
    completionTokens,
    totalTokens: usage.total_tokens ?? promptTokens + completionTokens,
    cachedPromptTokens: usage.prompt_tokens_details?.cached_tokens ?? usage.prompt_cache_hit_tokens,
    reasoningTokens: usage.completion_tokens_details?.reasoning_tokens,
    raw: usage,
  };
}

/**
 * The answer's metadata with its estimated cost, from its usage as the gateway sent it and the `price` option;
 * the same object when it has no usage, already has a cost, or the price is unknown.
 */
export function withCost(metadata: AssistantMetadata, options: ChatOptions): AssistantMetadata {
  const usd =
    metadata.usage && !metadata.cost
      ? estimateCost({ usage: metadata.usage.raw as Usage, price: options.price?.(metadata) })
      : undefined;
  return usd === undefined ? metadata : { ...metadata, cost: { usd, estimated: true } };
}

/** An error as plain data for the message (it is stored): name, message, and a status or code when it has one. */
export function describeError(error: Error): ChatMessageError {
  const { name, message, status, code } = error as Error & {
    status?: unknown;
    code?: string | number | null;
  };
  return {
    name,
    message,
    status: typeof status === 'number' ? status : undefined,
    code: code == null ? undefined : String(code),
  };
}

export const toError = (value: unknown): Error =>
  value instanceof Error ? value : new Error(typeof value === 'string' ? value : JSON.stringify(value));
