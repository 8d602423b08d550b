import type { Usage } from '../openai/types';
import type { ModelPrice } from './types';

export type EstimateCostOptions = {
  usage: Usage | null | undefined;
  price: ModelPrice | null | undefined;
};

const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/** A price (USD per million tokens, at least 0), or `undefined`. */
const rate = (value: unknown) => (isFiniteNumber(value) && value >= 0 ? value : undefined);

/** A token count; anything that is not a positive finite number counts as none. */
const count = (value: unknown) => (isFiniteNumber(value) && value > 0 ? value : 0);

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
  const input = rate(price?.input);
  const output = rate(price?.output);
  if (
    !usage ||
    !price ||
    input === undefined ||
    output === undefined ||
    !(isFiniteNumber(usage.prompt_tokens) || isFiniteNumber(usage.completion_tokens))
  )
    return undefined;
  const prompt = count(usage.prompt_tokens);
  const completion = count(usage.completion_tokens);
  const details = usage.prompt_tokens_details;
  const cached = count(details?.cached_tokens ?? usage.prompt_cache_hit_tokens);
  const writes = count(details?.cache_write_tokens);
  const oneHourWrites = Math.min(count(details?.cache_write_details?.write_1h_tokens), writes);
  const writesInPrompt = usage.total_tokens === prompt + completion ? writes : 0;
  const writePrice = rate(price.cacheWrite) ?? input;
  return (
    (Math.max(prompt - cached - writesInPrompt, 0) * input +
      cached * (rate(price.cachedInput) ?? input) +
      (writes - oneHourWrites) * writePrice +
      oneHourWrites * (rate(price.cacheWrite1h) ?? writePrice) +
      completion * output) /
    1e6
  );
}
