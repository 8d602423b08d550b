import { calcPrice, findProvider, type ModelPrice as LibraryModelPrice } from '@pydantic/genai-prices';
import type { ModelPrice } from '../cost/types';
import { parseModel } from '../model-string/parse-model';
import { homeProviders, listPriceProviders, modelAliases, providerModelIds } from './model-aliases';

export type PriceOfOptions = {
  /** When the price changes by time of day (DeepSeek's off-peak discount), the price in force then. Default: now. */
  at?: Date;
};

/**
 * Per-million-token USD prices of a model from `@pydantic/genai-prices`, or `undefined` when it does not know the
 * model (never a made-up $0). Accepts Helicone ids (`claude-3.5-haiku`), the gateway's `model/provider` strings
 * (`gpt-4o-mini/openai`, the first entry of a fallback list counts) and provider ids (`claude-3-5-haiku-20241022`),
 * with the provider as a second argument or in the string. A provider the data does not know gives `undefined`.
 *
 * Helicone ids the library lists under another name are mapped (`model-aliases.ts`): by maker (`kimi-k2-0905`), and
 * per provider (`claude-3.5-haiku` on `openrouter` is `anthropic/claude-3.5-haiku`, on `bedrock` the Bedrock id).
 *
 * Tiered prices (e.g. higher rates above 200k prompt tokens) are reported at their base tier.
 */
export function priceOf(
  model: string,
  provider?: string,
  options: PriceOfOptions = {},
): ModelPrice | undefined {
  for (const candidate of candidates(model.trim(), provider?.trim())) {
    const price = lookUp(candidate.name, candidate.provider, options.at);
    if (price) return price;
  }
  return undefined;
}

type Candidate = { name: string; provider: string | undefined };

function candidates(model: string, provider: string | undefined): Candidate[] {
  if (model === '') return [];
  if (provider !== undefined && provider !== '') return [{ name: model, provider }];
  if (!/[/,:!]/.test(model)) return [{ name: model, provider: undefined }];
  const found: Candidate[] = [];
  try {
    const first = parseModel(model).targets[0];
    if (first) found.push({ name: first.name, provider: first.provider });
  } catch {
    // Not the gateway's grammar; the whole string may still be a model id (`openai/gpt-4o-mini` on OpenRouter).
  }
  found.push({ name: model, provider: undefined });
  return found;
}

function lookUp(name: string, provider: string | undefined, at: Date | undefined): ModelPrice | undefined {
  const requested = provider === undefined || listPriceProviders.has(provider) ? undefined : provider;
  const providerId = requested ?? homeProviders[name];
  if (providerId !== undefined && !findProvider({ providerId })) return undefined;
  const modelIds = new Set<string>();
  const providerModelId = providerId === undefined ? undefined : providerModelIds[providerId]?.[name];
  if (providerModelId !== undefined) modelIds.add(providerModelId);
  const alias = modelAliases[name];
  if (alias !== undefined) modelIds.add(alias);
  modelIds.add(name);
  for (const modelId of modelIds) {
    const result = calcPrice({ input_tokens: 0, output_tokens: 0 }, modelId, {
      ...(providerId === undefined ? {} : { providerId }),
      ...(at === undefined ? {} : { timestamp: at }),
    });
    const price = result ? toModelPrice(result.model_price) : undefined;
    if (price) return price;
  }
  return undefined;
}

function toModelPrice(price: LibraryModelPrice): ModelPrice | undefined {
  const input = baseTier(price.input_mtok);
  const output = baseTier(price.output_mtok);
  if (input === undefined || output === undefined) return undefined;
  const cachedInput = baseTier(price.cache_read_mtok);
  const cacheWrite = baseTier(price.cache_write_mtok);
  const cacheWrite1h = baseTier(price.cache_write_1h_mtok);
  return {
    input,
    ...(cachedInput === undefined ? {} : { cachedInput }),
    ...(cacheWrite === undefined ? {} : { cacheWrite }),
    ...(cacheWrite1h === undefined ? {} : { cacheWrite1h }),
    output,
  };
}

function baseTier(value: LibraryModelPrice[string]): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'object' && typeof value.base === 'number') return value.base;
  return undefined;
}
