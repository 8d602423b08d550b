import type { Usage } from './answer-context';

/**
 * The prompt-cache tokens of a normalized usage (HELICONE.md §5.1): reads are `prompt_tokens_details.cached_tokens`,
 * writes `prompt_tokens_details.cache_write_tokens` (or a top-level `cache_write_tokens`). Null without usage.
 */
export function promptCacheTokens(usage: Usage | null | undefined): {
  promptCacheReadTokens: number | null;
  promptCacheWriteTokens: number | null;
} {
  if (!usage) return { promptCacheReadTokens: null, promptCacheWriteTokens: null };
  const details = usage.prompt_tokens_details;
  return {
    promptCacheReadTokens: details?.cached_tokens ?? 0,
    promptCacheWriteTokens: details?.cache_write_tokens ?? usage.cache_write_tokens ?? 0,
  };
}
