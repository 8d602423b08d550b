import type { ModelPrice } from '../cost/types';

/** Prices in USD per million tokens, and where they came from. */
export type ModelPricing = ModelPrice & {
  /** `registry`: Helicone's model registry (what the gateway bills); `prices`: `@helicone-kit/core/prices`. */
  source: 'registry' | 'prices';
};

export type ModelCapabilities = {
  /** Input modalities (`text`, `image`, ...). */
  input: string[];
  output: string[];
  tools: boolean;
  reasoning: boolean;
  embeddings: boolean;
};

/** One entry of the route's `GET {base}/models`: an OpenAI model object plus what a model picker shows. */
export type ModelInfo = {
  /** What to send as `model`: a registry id, or `id/provider` when the route allows only some providers. */
  id: string;
  object: 'model';
  created: number;
  owned_by: string;
  /** Display name. */
  name: string;
  /** The provider the gateway tries first, when known. */
  provider?: string;
  /** The providers the route lets the model go through, in the gateway's order. */
  providers: string[];
  contextWindow?: number;
  maxOutput?: number;
  capabilities?: ModelCapabilities;
  /** The price through the first allowed provider; absent when no source knows it (unknown is never $0). */
  pricing?: ModelPricing;
};

/** The body of the route's `GET {base}/models`. */
export type ModelList = { object: 'list'; data: ModelInfo[] };
