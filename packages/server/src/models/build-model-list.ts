import type { GatewayModel, RegistryModel } from './model-sources';
import type { ModelPattern } from './model-pattern';
import type { ModelCapabilities, ModelInfo, ModelPrice, ModelPricing } from '@helicone-kit/core';

export type PriceOf = (model: string, provider?: string) => ModelPrice | undefined;

export type ModelListSources = {
  /** The gateway's `/v1/models`; undefined when it could not be read. */
  gateway: GatewayModel[] | undefined;
  /** Helicone's registry; undefined when it could not be read. */
  registry: RegistryModel[] | undefined;
  /** The `models` allow-list; undefined: every model. */
  patterns: readonly ModelPattern[] | undefined;
  priceOf: PriceOf;
};

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function capabilitiesOf(entry: RegistryModel): ModelCapabilities {
  const parameters = entry.supportedParameters ?? [];
  const output = entry.outputModalities ?? ['text'];
  return {
    input: entry.inputModalities ?? ['text'],
    output,
    tools: parameters.includes('tools'),
    reasoning: parameters.includes('reasoning') || parameters.includes('include_reasoning'),
    embeddings: output.some((modality) => modality.startsWith('embedding')),
  };
}

function pricingOf(
  name: string,
  provider: string | undefined,
  entry: RegistryModel | undefined,
  priceOf: PriceOf,
): ModelPricing | undefined {
  const endpoint =
    entry?.endpoints.find((candidate) => candidate.provider === provider && candidate.pricing) ??
    (provider === undefined ? entry?.endpoints.find((candidate) => candidate.pricing) : undefined);
  const registry = endpoint?.pricing;
  if (registry?.prompt !== undefined && registry.completion !== undefined) {
    const pricing: ModelPricing = {
      input: registry.prompt,
      output: registry.completion,
      source: 'registry',
    };
    if (registry.cacheRead !== undefined) pricing.cachedInput = registry.cacheRead;
    if (registry.cacheWrite !== undefined) pricing.cacheWrite = registry.cacheWrite;
    return pricing;
  }
  const price = priceOf(name, provider);
  return price === undefined ? undefined : { ...price, source: 'prices' };
}

type Listing = { id: string; providers: string[] };

/** How one known model appears under the allow-list: as itself, once per allowed provider, or not at all. */
function listingsFor(
  id: string,
  providers: string[],
  patterns: readonly ModelPattern[] | undefined,
): Listing[] {
  if (patterns === undefined) return [{ id, providers }];
  const matching = patterns.filter((pattern) => pattern.deploymentId === undefined && pattern.name.test(id));
  if (matching.length === 0) return [];
  if (matching.some((pattern) => pattern.provider === undefined)) return [{ id, providers }];
  const allowed = providers.filter((provider) =>
    matching.some((pattern) => pattern.provider?.test(provider)),
  );
  for (const pattern of matching) {
    const named = pattern.source.split('/')[1];
    if (pattern.exact && named !== undefined && !allowed.includes(named)) allowed.push(named);
  }
  return allowed.map((provider) => ({ id: `${id}/${provider}`, providers: [provider] }));
}

/**
 * Merges the gateway's model ids with the registry's details under the allow-list, prices from the registry
 * and, where it has none, from `priceOf`. Exact allow-list entries no source knows are listed as configured,
 * so with both sources down the configured list is what the browser gets.
 */
export function buildModelList({ gateway, registry, patterns, priceOf }: ModelListSources): ModelInfo[] {
  const registryById = new Map((registry ?? []).map((entry) => [entry.id, entry]));
  const known: GatewayModel[] =
    gateway !== undefined && gateway.length > 0
      ? gateway
      : (registry ?? []).map((entry) => ({ id: entry.id }));
  const models: ModelInfo[] = [];
  const listedNames = new Set<string>();

  const add = (name: string, listing: Listing, source: GatewayModel | undefined) => {
    const entry = registryById.get(name);
    const model: ModelInfo = {
      id: listing.id,
      object: 'model',
      created: source?.created ?? 0,
      owned_by: source?.owned_by ?? entry?.author ?? listing.providers[0] ?? 'unknown',
      name: entry?.name ?? name,
      providers: listing.providers,
    };
    if (listing.providers[0] !== undefined) model.provider = listing.providers[0];
    if (entry?.contextLength !== undefined) model.contextWindow = entry.contextLength;
    if (entry?.maxOutput !== undefined) model.maxOutput = entry.maxOutput;
    if (entry !== undefined) model.capabilities = capabilitiesOf(entry);
    const pricing = pricingOf(name, listing.providers[0], entry, priceOf);
    if (pricing !== undefined) model.pricing = pricing;
    models.push(model);
  };

  for (const source of known) {
    const providers = unique(
      registryById.get(source.id)?.endpoints.map((endpoint) => endpoint.provider) ?? [],
    );
    const listings = listingsFor(source.id, providers, patterns);
    if (listings.length > 0) listedNames.add(source.id);
    for (const listing of listings) add(source.id, listing, source);
  }

  for (const pattern of patterns ?? []) {
    if (!pattern.exact) continue;
    const [name = '', provider] = pattern.source.split('/');
    if (listedNames.has(name)) continue;
    add(name, { id: pattern.source, providers: provider === undefined ? [] : [provider] }, undefined);
  }
  return models;
}
