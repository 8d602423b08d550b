import type { Usage } from '../openai/types';
import type { ModelPrice } from './types';

const perMillion = 1_000_000;

export type EstimateCostOptions = {
  usage: Usage | null | undefined;
  price: ModelPrice | null | undefined;
};

/**
 * The cost of one call in USD, or `undefined` when the usage or the price is unknown (unknown is never $0).
 *
 * Cached reads (`prompt_tokens_details.cached_tokens`, or DeepSeek's `prompt_cache_hit_tokens`) are part of
 * `prompt_tokens`: they are taken out of the input count and billed at `cachedInput`. Cache writes
 * (`prompt_tokens_details.cache_write_tokens`, from Helicone's Anthropic conversion) are billed at `cacheWrite`
 * (one-hour writes at `cacheWrite1h` when given) on top of `prompt_tokens`, which does not count them there
 * (838 prompt = 338 input + 500 cached, total 923 = 838 + 20 written + 65 output); when `total_tokens` shows
 * they are inside `prompt_tokens` (total = prompt + completion), they are taken out of the input count instead.
 * A missing cache price falls back to `input`. Reasoning tokens are already part of `completion_tokens` and
 * billed at `output`: they are not added again.
 *
 * Also `undefined` when neither `prompt_tokens` nor `completion_tokens` is a finite number (`{}`, or only
 * `total_tokens`: the split between input and output prices is unknown), or when `input` or `output` is not a
 * finite number of at least 0. A cache price that is not such a number counts as missing.
 */
export function estimateCost({ usage, price }: EstimateCostOptions): number | undefined {
  if (!usage || !price) return undefined;
  if (!isFiniteNumber(usage.prompt_tokens) && !isFiniteNumber(usage.completion_tokens)) return undefined;
  const input = priceOrUndefined(price.input);
  const output = priceOrUndefined(price.output);
  if (input === undefined || output === undefined) return undefined;
  const promptTokens = count(usage.prompt_tokens);
  const completionTokens = count(usage.completion_tokens);
  const details = usage.prompt_tokens_details;
  const cachedTokens = count(details?.cached_tokens ?? usage.prompt_cache_hit_tokens);
  const writeTokens = count(details?.cache_write_tokens);
  const writeOneHourTokens = Math.min(count(details?.cache_write_details?.write_1h_tokens), writeTokens);
  const writeDefaultTokens = writeTokens - writeOneHourTokens;
  const writesInPrompt = writeTokens > 0 && usage.total_tokens === promptTokens + completionTokens;
  const uncachedTokens = Math.max(promptTokens - cachedTokens - (writesInPrompt ? writeTokens : 0), 0);
  const cacheWritePrice = priceOrUndefined(price.cacheWrite) ?? input;
  const total =
    uncachedTokens * input +
    cachedTokens * (priceOrUndefined(price.cachedInput) ?? input) +
    writeDefaultTokens * cacheWritePrice +
    writeOneHourTokens * (priceOrUndefined(price.cacheWrite1h) ?? cacheWritePrice) +
    completionTokens * output;
  return total / perMillion;
}

const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

function priceOrUndefined(value: unknown): number | undefined {
  return isFiniteNumber(value) && value >= 0 ? value : undefined;
}

function count(value: number | undefined | null): number {
  return isFiniteNumber(value) && value > 0 ? value : 0;
}
