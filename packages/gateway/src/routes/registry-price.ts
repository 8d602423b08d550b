import { priceOf } from '@helicone-kit/core/prices';
import type { RegistryPricing } from '../catalogue/registry-models';

/** Registry prices (USD per 1M tokens) of a model at a provider, from `@helicone-kit/core/prices`. */
export function registryPrice(model: string, provider: string): RegistryPricing | undefined {
  const price = priceOf(model, provider) ?? priceOf(model);
  if (price === undefined) return undefined;
  return {
    prompt: price.input,
    completion: price.output,
    ...(price.cachedInput === undefined ? {} : { cacheRead: price.cachedInput }),
    ...(price.cacheWrite === undefined ? {} : { cacheWrite: price.cacheWrite }),
  };
}
