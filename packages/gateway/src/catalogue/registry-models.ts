import { models } from './models';
import type { CatalogueModel } from './types';

/** USD per 1M tokens, the registry's unit; undefined when no price is known. */
export type RegistryPricing = { prompt: number; completion: number; cacheRead?: number; cacheWrite?: number };
export type PriceLookup = (model: string, provider: string) => RegistryPricing | undefined;

const providerSlugs: Record<string, string> = { vertex: 'google-vertex', bedrock: 'amazon-bedrock' };

function supportedParameters(model: CatalogueModel): string[] {
  if (model.kind === 'embedding') return ['dimensions', 'encoding_format'];
  const parameters = ['max_tokens', 'temperature', 'top_p', 'stop', 'seed'];
  if (model.capabilities.tools) parameters.push('tools', 'tool_choice');
  if (model.capabilities.jsonSchema) parameters.push('response_format', 'structured_outputs');
  if (model.capabilities.reasoning) parameters.push('reasoning', 'include_reasoning');
  return parameters;
}

/**
 * `GET /v1/public/model-registry/models` in the shape of Helicone's registry (HELICONE.md §1.5):
 * `{data:{models, total, filters}, error:null}`, prices in USD per 1M tokens where known.
 */
export function registryModels(priceOf: PriceLookup) {
  const listed = models.map((model) => ({
    id: model.id,
    name: model.name,
    author: model.author,
    contextLength: model.contextLength,
    maxOutput: model.maxOutput,
    trainingDate: model.released,
    description: `${model.name} (local gateway catalogue).`,
    inputModalities: model.capabilities.vision ? ['text', 'image'] : ['text'],
    outputModalities: model.kind === 'embedding' ? ['embeddings'] : ['text'],
    supportedParameters: supportedParameters(model),
    endpoints: model.endpoints.map((endpoint) => {
      const pricing = priceOf(model.id, endpoint.provider);
      return {
        provider: endpoint.provider,
        providerSlug: providerSlugs[endpoint.provider] ?? endpoint.provider,
        supportsPtb: model.inRegistry,
        ...(pricing === undefined ? {} : { pricing }),
      };
    }),
  }));
  return {
    data: {
      models: listed,
      total: listed.length,
      filters: {
        providers: [
          ...new Set(models.flatMap((model) => model.endpoints.map((endpoint) => endpoint.provider))),
        ].map((name) => ({ name })),
        authors: [...new Set(models.map((model) => model.author))],
        capabilities: ['tools', 'json', 'reasoning', 'vision'],
      },
    },
    error: null,
  };
}
