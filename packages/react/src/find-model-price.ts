import type { ModelInfo, ModelPrice } from '@helicone-kit/core';

export type PricedAnswer = { requestedModel: string; model?: string; provider?: string };

/**
 * The price of an answer from the route's model list (`GET {api}/models`), or `undefined` when not listed. The
 * ids tried: the served model, the requested text, then each entry of a fallback list (`a,b/provider,!excluded`)
 * with and without its provider and `:online`. A light reading of the model grammar on purpose: it only looks up
 * prices, and the full parser would weigh on every chat bundle.
 */
export function findModelPrice(
  models: readonly ModelInfo[] | undefined,
  answer: PricedAnswer,
): ModelPrice | undefined {
  const ids = [answer.model, answer.requestedModel];
  for (const entry of answer.requestedModel.replace(/^helicone\//, '').split(',')) {
    const target = entry.trim();
    if (target[0] !== '!')
      ids.push(target, target.replace(':online', ''), target.replace(/:online|\/.*/g, ''));
  }
  for (const id of ids) {
    const pricing = models?.find((model) => model.id === id)?.pricing;
    if (pricing) return pricing;
  }
}
