import type { ModelPrice } from '@helicone-kit/core';

/** One entry of the route's `GET {api}/models` (an OpenAI model object plus what a model picker shows). */
export type ModelInfo = {
  /** What to send as `model`. */
  id: string;
  object: 'model';
  created: number;
  owned_by: string;
  /** Display name. */
  name: string;
  /** The providers the route lets the model go through, in the gateway's order. */
  providers: string[];
  contextWindow?: number;
  maxOutput?: number;
  capabilities?: {
    input: string[];
    output: string[];
    tools: boolean;
    reasoning: boolean;
    embeddings: boolean;
  };
  /** USD per million tokens through the first allowed provider; absent when unknown (never a made-up $0). */
  pricing?: ModelPrice & { source: 'registry' | 'prices' };
};

export type ModelList = { object: 'list'; data: ModelInfo[] };
