/** `GET {gateway}/v1/models`: OpenAI's list. */
export type GatewayModel = { id: string; created?: number; owned_by?: string };

type RegistryPricing = { prompt?: number; completion?: number; cacheRead?: number; cacheWrite?: number };

/** The fields read from Helicone's public model registry (HELICONE.md §1.5); prices in USD per 1M tokens. */
export type RegistryModel = {
  id: string;
  name?: string;
  author?: string;
  contextLength?: number;
  maxOutput?: number;
  inputModalities?: string[];
  outputModalities?: string[];
  supportedParameters?: string[];
  endpoints: { provider: string; pricing?: RegistryPricing }[];
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const stringArray = (value: unknown): string[] | undefined =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined;
const finiteNumber = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;

/** Reads an OpenAI model list, skipping entries that are not models. */
export function readGatewayModels(body: unknown): GatewayModel[] | undefined {
  if (!isRecord(body) || !Array.isArray(body.data)) return undefined;
  return body.data.flatMap((entry): GatewayModel[] => {
    if (!isRecord(entry) || typeof entry.id !== 'string' || entry.id === '') return [];
    const model: GatewayModel = { id: entry.id };
    if (typeof entry.created === 'number') model.created = entry.created;
    if (typeof entry.owned_by === 'string') model.owned_by = entry.owned_by;
    return [model];
  });
}

function readPricing(value: unknown): RegistryPricing | undefined {
  if (!isRecord(value)) return undefined;
  const pricing: RegistryPricing = {};
  for (const key of ['prompt', 'completion', 'cacheRead', 'cacheWrite'] as const) {
    const number = finiteNumber(value[key]);
    if (number !== undefined) pricing[key] = number;
  }
  return pricing;
}

/** Reads the registry's `{ data: { models: [...] } }`, skipping entries that do not have the expected shape. */
export function readRegistryModels(body: unknown): RegistryModel[] | undefined {
  if (!isRecord(body) || !isRecord(body.data) || !Array.isArray(body.data.models)) return undefined;
  return body.data.models.flatMap((entry): RegistryModel[] => {
    if (!isRecord(entry) || typeof entry.id !== 'string' || entry.id === '') return [];
    const endpoints = Array.isArray(entry.endpoints)
      ? entry.endpoints.flatMap((endpoint) => {
          if (!isRecord(endpoint) || typeof endpoint.provider !== 'string') return [];
          const pricing = readPricing(endpoint.pricing);
          return [pricing ? { provider: endpoint.provider, pricing } : { provider: endpoint.provider }];
        })
      : [];
    const model: RegistryModel = { id: entry.id, endpoints };
    if (typeof entry.name === 'string') model.name = entry.name;
    if (typeof entry.author === 'string') model.author = entry.author;
    const contextLength = finiteNumber(entry.contextLength);
    if (contextLength !== undefined) model.contextLength = contextLength;
    const maxOutput = finiteNumber(entry.maxOutput);
    if (maxOutput !== undefined) model.maxOutput = maxOutput;
    const input = stringArray(entry.inputModalities);
    if (input) model.inputModalities = input;
    const output = stringArray(entry.outputModalities);
    if (output) model.outputModalities = output;
    const parameters = stringArray(entry.supportedParameters);
    if (parameters) model.supportedParameters = parameters;
    return [model];
  });
}
