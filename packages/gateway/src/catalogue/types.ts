/** One provider that serves a catalogue model, as in Helicone's registry (`"<model>:<provider>"` keys). */
export type CatalogueEndpoint = {
  /** Helicone's provider name (`ModelProviderName`): `openai`, `anthropic`, `vertex`, ... */
  provider: string;
  /** The id the provider itself knows; returned as `Helicone-Model` and as the response `model`. */
  providerModelId: string;
};

export type ModelKind = 'chat' | 'completion' | 'embedding';

export type ModelCapabilities = {
  tools: boolean;
  jsonSchema: boolean;
  /** Streams `delta.reasoning` before the answer. */
  reasoning: boolean;
  vision: boolean;
};

export type CatalogueModel = {
  /** Helicone's registry id (dotted versions: `claude-3.5-haiku`), or OpenAI's id where Helicone has none. */
  id: string;
  name: string;
  /** The registry's author (`owned_by` in `/v1/models`). */
  author: string;
  kind: ModelKind;
  contextLength: number;
  maxOutput: number;
  /** Release date (`YYYY-MM-DD`), `created` in `/v1/models`. */
  released: string;
  capabilities: ModelCapabilities;
  /** Embedding models only: length of the vectors. */
  dimensions?: number;
  /** False for ids Helicone's registry does not list (legacy completions, embeddings). */
  inRegistry: boolean;
  /** In Helicone's priority order: the first one serves a request that names no provider. */
  endpoints: CatalogueEndpoint[];
};
