import type { RegistryPricing } from '../catalogue/registry-models';

/** Registry prices (USD per 1M tokens) of a model at a provider; unknown until core's price table is wired. */
export function registryPrice(_model: string, _provider: string): RegistryPricing | undefined {
  return undefined;
}
