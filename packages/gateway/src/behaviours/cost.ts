import { estimateCost, type Usage } from '@helicone-kit/core';
import { priceOf } from '@helicone-kit/core/prices';
import type { Attempt } from './attempts';

/** The model's price from `@helicone-kit/core/prices`: at the serving provider, else the model's own. */
export function attemptPrice(attempt: Attempt) {
  const name = attempt.model?.id ?? attempt.providerModelId;
  return priceOf(name, attempt.provider) ?? priceOf(name) ?? priceOf(attempt.providerModelId);
}

/** USD of a call, or null when the price or the usage is unknown (never a made-up $0). */
export function attemptCost(attempt: Attempt, usage: unknown): number | null {
  if (typeof usage !== 'object' || usage === null) return null;
  return estimateCost({ usage: usage as Usage, price: attemptPrice(attempt) }) ?? null;
}
